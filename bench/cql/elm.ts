// PnsLabRules.cql as ELM JSON, built node by node with small constructors (see the .cql file for why it is not
// translated). Each `define` below mirrors the one of the same name there.
type Node = Record<string, unknown>;

const SYS = '{urn:hl7-org:elm-types:r1}';
const dec = (v: number): Node => ({ type: 'Literal', valueType: `${SYS}Decimal`, value: String(v) });
const int = (v: number): Node => ({ type: 'Literal', valueType: `${SYS}Integer`, value: String(v) });
const str = (v: string): Node => ({ type: 'Literal', valueType: `${SYS}String`, value: v });
const nul = (): Node => ({ type: 'Null' });
const ref = (name: string): Node => ({ type: 'ExpressionRef', name });
const bin = (type: string, a: Node, b: Node): Node => ({ type, operand: [a, b] });
const or = (...xs: Node[]): Node => xs.reduce((a, b) => bin('Or', a, b));
const and = (...xs: Node[]): Node => xs.reduce((a, b) => bin('And', a, b));
const add = (...xs: Node[]): Node => xs.reduce((a, b) => bin('Add', a, b));
const isNull = (x: Node): Node => ({ type: 'IsNull', operand: x });
const notNull = (x: Node): Node => ({ type: 'Not', operand: isNull(x) });
const not = (x: Node): Node => ({ type: 'Not', operand: x });
const ifThen = (condition: Node, then: Node, otherwise: Node): Node => ({
  type: 'If',
  condition,
  then,
  else: otherwise,
});
const coalesce = (...xs: Node[]): Node => ({ type: 'Coalesce', operand: xs });
const prop = (source: Node, path: string): Node => ({ type: 'Property', path, source });
const first = (source: Node): Node => ({ type: 'First', source });
const observation = (code: string): Node =>
  first({
    type: 'Retrieve',
    dataType: '{http://hl7.org/fhir}Observation',
    codeProperty: 'code',
    codes: { type: 'ToList', operand: { type: 'CodeRef', name: code } },
  });
const quantityOf = (code: string): Node => prop(observation(code), 'value.value.value');

/** The LOINC code of each rule input, from Paraneo's lab catalogue. */
export type RuleCodes = Record<
  | 'Sodium'
  | 'Serum osmolality'
  | 'Urine osmolality'
  | 'Urine sodium'
  | 'Calcium'
  | 'Albumin'
  | 'Ionised calcium'
  | 'Platelets'
  | 'D-dimer'
  | 'Prothrombin time'
  | 'Fibrinogen',
  string
>;

export function pnsLabRulesElm(codes: RuleCodes): Node {
  const defs: Array<[string, Node]> = [
    ['Na', quantityOf('Sodium')],
    ['SerumOsm', quantityOf('Serum osmolality')],
    ['UrineOsm', quantityOf('Urine osmolality')],
    ['UrineNa', quantityOf('Urine sodium')],
    [
      'SIAD',
      ifThen(
        and(isNull(ref('Na')), isNull(ref('SerumOsm')), isNull(ref('UrineOsm')), isNull(ref('UrineNa'))),
        str('absent'),
        ifThen(
          or(
            bin('GreaterOrEqual', ref('Na'), dec(135)),
            bin('GreaterOrEqual', ref('SerumOsm'), dec(275)),
            bin('LessOrEqual', ref('UrineOsm'), dec(100)),
            bin('LessOrEqual', ref('UrineNa'), dec(30)),
          ),
          str('not-met'),
          ifThen(
            or(isNull(ref('Na')), isNull(ref('SerumOsm')), isNull(ref('UrineOsm')), isNull(ref('UrineNa'))),
            str('unknown'),
            str('met'),
          ),
        ),
      ),
    ],
    ['Ca', quantityOf('Calcium')],
    ['Alb', quantityOf('Albumin')],
    ['IonCa', quantityOf('Ionised calcium')],
    [
      'CorrectedCa',
      ifThen(isNull(ref('Ca')), nul(), {
        type: 'Round',
        operand: ifThen(
          and(notNull(ref('Alb')), bin('Less', ref('Alb'), dec(4))),
          add(ref('Ca'), bin('Multiply', dec(0.8), bin('Subtract', dec(4), ref('Alb')))),
          ref('Ca'),
        ),
        precision: int(2),
      }),
    ],
    [
      'CaHigh',
      ifThen(
        notNull(ref('IonCa')),
        bin('Greater', ref('IonCa'), dec(1.3)),
        bin('Greater', coalesce(ref('CorrectedCa'), dec(0)), dec(10.4)),
      ),
    ],
    [
      'CalciumResult',
      ifThen(
        and(isNull(ref('Ca')), isNull(ref('IonCa'))),
        str('absent'),
        ifThen(ref('CaHigh'), str('met'), str('not-met')),
      ),
    ],
    [
      'CalciumGrade',
      ifThen(
        or(not(ref('CaHigh')), isNull(ref('CorrectedCa'))),
        nul(),
        ifThen(
          bin('GreaterOrEqual', ref('CorrectedCa'), dec(14)),
          str('severe'),
          ifThen(bin('GreaterOrEqual', ref('CorrectedCa'), dec(12)), str('moderate'), str('mild')),
        ),
      ),
    ],
    ['Plt', quantityOf('Platelets')],
    ['Dimer', observation('D-dimer')],
    ['PT', observation('Prothrombin time')],
    ['Fib', quantityOf('Fibrinogen')],
    [
      'PltPoints',
      ifThen(
        isNull(ref('Plt')),
        nul(),
        ifThen(
          bin('Less', ref('Plt'), dec(50)),
          int(2),
          ifThen(bin('Less', ref('Plt'), dec(100)), int(1), int(0)),
        ),
      ),
    ],
    [
      'DimerFold',
      bin(
        'Divide',
        prop(ref('Dimer'), 'value.value.value'),
        prop(first(prop(ref('Dimer'), 'referenceRange')), 'high.value.value'),
      ),
    ],
    [
      'DimerPoints',
      ifThen(
        isNull(ref('DimerFold')),
        nul(),
        ifThen(
          bin('Greater', ref('DimerFold'), dec(4)),
          int(3),
          ifThen(bin('GreaterOrEqual', ref('DimerFold'), dec(2)), int(2), int(0)),
        ),
      ),
    ],
    [
      'PtOver',
      bin(
        'Subtract',
        prop(ref('PT'), 'value.value.value'),
        prop(first(prop(ref('PT'), 'referenceRange')), 'high.value.value'),
      ),
    ],
    [
      'PtPoints',
      ifThen(
        isNull(ref('PtOver')),
        nul(),
        ifThen(
          bin('Greater', ref('PtOver'), dec(6)),
          int(2),
          ifThen(bin('GreaterOrEqual', ref('PtOver'), dec(3)), int(1), int(0)),
        ),
      ),
    ],
    [
      'FibPoints',
      ifThen(isNull(ref('Fib')), nul(), ifThen(bin('Less', ref('Fib'), dec(100)), int(1), int(0))),
    ],
    [
      'DicKnown',
      add(
        coalesce(ref('PltPoints'), int(0)),
        coalesce(ref('DimerPoints'), int(0)),
        coalesce(ref('PtPoints'), int(0)),
        coalesce(ref('FibPoints'), int(0)),
      ),
    ],
    [
      'DicMaxMissing',
      add(
        ifThen(isNull(ref('PltPoints')), int(2), int(0)),
        ifThen(isNull(ref('DimerPoints')), int(3), int(0)),
        ifThen(isNull(ref('PtPoints')), int(2), int(0)),
        ifThen(isNull(ref('FibPoints')), int(1), int(0)),
      ),
    ],
    [
      'DicResult',
      ifThen(
        and(isNull(ref('Plt')), isNull(ref('Dimer')), isNull(ref('PT')), isNull(ref('Fib'))),
        str('absent'),
        ifThen(
          bin('GreaterOrEqual', ref('DicKnown'), int(5)),
          str('met'),
          ifThen(
            bin('Less', add(ref('DicKnown'), ref('DicMaxMissing')), int(5)),
            str('not-met'),
            str('unknown'),
          ),
        ),
      ),
    ],
  ];
  return {
    library: {
      identifier: { id: 'PnsLabRules', version: '1' },
      schemaIdentifier: { id: 'urn:hl7-org:elm', version: 'r1' },
      usings: {
        def: [
          { localIdentifier: 'System', uri: 'urn:hl7-org:elm-types:r1' },
          { localIdentifier: 'FHIR', uri: 'http://hl7.org/fhir', version: '4.0.1' },
        ],
      },
      codeSystems: { def: [{ name: 'LOINC', id: 'http://loinc.org', accessLevel: 'Public' }] },
      codes: {
        def: Object.entries(codes).map(([name, id]) => ({
          name,
          id,
          accessLevel: 'Public',
          codeSystem: { name: 'LOINC' },
        })),
      },
      statements: {
        def: [
          {
            name: 'Patient',
            context: 'Patient',
            expression: {
              type: 'SingletonFrom',
              operand: { type: 'Retrieve', dataType: '{http://hl7.org/fhir}Patient' },
            },
          },
          ...defs.map(([name, expression]) => ({
            name,
            context: 'Patient',
            accessLevel: 'Public',
            expression,
          })),
        ],
      },
    },
  };
}
