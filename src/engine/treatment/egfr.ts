// eGFR from serum creatinine, CKD-EPI 2021 race-free equation (Inker et al., N Engl J Med 2021;385:1737).
import { round } from '../round.js';

/**
 * eGFR in mL/min/1.73 m², or undefined when sex is not female or male (the equation needs it).
 *
 * @param creatinineMgDl - serum creatinine in mg/dL
 */
export function egfrCkdEpi2021(creatinineMgDl: number, age: number, sex: string): number | undefined {
  if (sex !== 'female' && sex !== 'male') return undefined;
  const kappa = sex === 'female' ? 0.7 : 0.9;
  const alpha = sex === 'female' ? -0.241 : -0.302;
  const ratio = creatinineMgDl / kappa;
  const value =
    142 *
    Math.min(ratio, 1) ** alpha *
    Math.max(ratio, 1) ** -1.2 *
    0.9938 ** age *
    (sex === 'female' ? 1.012 : 1);
  return round(value, 1);
}
