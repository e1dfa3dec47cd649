// UCUM unit handling for labs: common clinical spellings → UCUM, then conversion with @lhncbc/ucum-lhc.
import ucum from '@lhncbc/ucum-lhc';
import type { Lab } from '../knowledge/schema.js';

const utils = ucum.UcumLhcUtils.getInstance();

// Spellings clinicians type that are not valid UCUM, mapped to the UCUM code they mean.
const ALIASES: Readonly<Record<string, string>> = {
  'meq/l': 'meq/L',
  'mEq/L': 'meq/L',
  'mEq/l': 'meq/L',
  'mg/dl': 'mg/dL',
  'g/dl': 'g/dL',
  'ug/dl': 'ug/dL',
  'µg/dL': 'ug/dL',
  'µg/L': 'ug/L',
  'µmol/L': 'umol/L',
  'μmol/L': 'umol/L',
  'mmol/l': 'mmol/L',
  'umol/l': 'umol/L',
  'mm/hr': 'mm/h',
  'mm/hour': 'mm/h',
  'x10^9/L': '10*9/L',
  'x10^9/l': '10*9/L',
  '10^9/L': '10*9/L',
  '10^9/l': '10*9/L',
  'x10^3/uL': '10*3/uL',
  '10^3/uL': '10*3/uL',
  'x10^3/µL': '10*3/uL',
  '10^3/µL': '10*3/uL',
  'K/uL': '10*3/uL',
  'x10^12/L': '10*12/L',
  '/µL': '/uL',
  'IU/L': '[IU]/L',
  'IU/mL': '[IU]/mL',
  'mIU/mL': 'm[IU]/mL',
  'mIU/L': 'm[IU]/L',
  'uIU/mL': 'u[IU]/mL',
  'µIU/mL': 'u[IU]/mL',
  'mOsm/kg': 'mosm/kg',
  'mosmol/kg': 'mosm/kg',
  sec: 's',
  seconds: 's',
  INR: '{INR}',
};

export type ConversionResult = { ok: true; value: number; unit: string } | { ok: false; reason: string };

/** Map a unit as typed to UCUM (unchanged when it is already UCUM). */
export function toUcum(unit: string): string {
  return ALIASES[unit.trim()] ?? unit.trim();
}

/**
 * Convert a lab value to the lab's canonical unit, using molar mass and charge where the conversion needs them.
 *
 * @param lab - the catalogue entry (canonical `unit`, `molarMass`, `charge`)
 * @param value - the number as given
 * @param unit - the unit as given (UCUM or a common spelling)
 * @returns the converted value, or the reason the unit does not fit the test
 */
export function convertToCanonical(lab: Lab, value: number, unit: string): ConversionResult {
  const from = toUcum(unit);
  if (from === lab.unit) return { ok: true, value, unit: lab.unit };
  const valid = utils.validateUnitString(from);
  if (valid.status !== 'valid') return { ok: false, reason: `"${unit}" is not a UCUM unit` };
  const options: { molecularWeight?: number; charge?: number } = {};
  if (lab.molarMass !== undefined) options.molecularWeight = lab.molarMass;
  if (lab.charge !== undefined) options.charge = lab.charge;
  const result = utils.convertUnitTo(from, value, lab.unit, options);
  if (result.status !== 'succeeded' || typeof result.toVal !== 'number' || !Number.isFinite(result.toVal))
    return { ok: false, reason: `unit "${unit}" cannot be converted to ${lab.unit} for ${lab.name}` };
  // Conversions leave float noise (5.000000000000001); 10 significant digits keeps outputs stable and readable.
  return { ok: true, value: Number(result.toVal.toPrecision(10)), unit: lab.unit };
}
