/**
 * The front page: the key findings in the analysis's ranking order (stated above them: results.ranking),
 * each a plain-language sentence that names the rule that chose its comparison group, and an "at a glance"
 * table with one row per measure. Counts are named by the measure's unit (people only when the unit is a
 * person: encounters, discharges, visits…). When the reference group is the worse-off one
 * (`referenceWorse`), the sentence leads with the reference and says so.
 */
import type { Finding, MeasureResult, ResultsFile } from '../model/results.js';
import { esc, type Locale } from './i18n.js';
import { num, table } from './html.js';
import { stratifierName } from './cells.js';
import { gapGlyph } from './gap-glyph.js';
import { measureScale, perUnit } from './measure-scale.js';
import { capitalise, comparisonValues, inSentence, who } from './who.js';

const FRONT = 5;

/**
 * The measure's unit as a noun for `count` ("1 discharge", "3 encounters", "2 people"): the catalogue's
 * `unit.noun.<unit>` when it has one, else the unit word as the config gives it.
 */
export function unitNoun(
  loc: Locale,
  m: MeasureResult | undefined,
  count: number | null | undefined,
): string {
  const unit = m?.unit ?? 'person'; // results written before measures carried a unit said "people"
  const key = `unit.noun.${unit.toLowerCase().replace(/\s+/g, '_')}`;
  const t = loc.tn(key, count);
  return t === key ? esc(unit) : t;
}

const isPerson = (m: MeasureResult | undefined): boolean => m?.unit === undefined || m.unit === 'person';

/** One finding as sentences; every number is marked with its path in results.json. */
export function findingSentence(loc: Locale, results: ResultsFile, f: Finding, i: number): string {
  const m = results.measures.find((x) => x.id === f.measure);
  const scale = measureScale(m);
  const per = scale.isRate ? ` ${esc(perUnit(loc, scale))}` : '';
  const base = `findings.${i}`;
  const cmpValues = comparisonValues(f.values, f.comparison);
  // The worse-off group leads the sentence: the reference itself when it is the worse-off one.
  const flip = f.referenceWorse === true && cmpValues !== null;
  const [first, second] = flip ? [cmpValues, f.values] : [f.values, cmpValues];
  const [rate, rateField, cmpRate, cmpField] = flip
    ? [f.comparisonRate, 'comparisonRate', f.rate, 'rate']
    : [f.rate, 'rate', f.comparisonRate, 'comparisonRate'];
  const higher = (rate ?? 0) >= (cmpRate ?? 0);
  const parts = [
    capitalise(
      loc.t(`finding.${higher ? 'higher' : 'lower'}`, {
        group: who(loc, first),
        measure: esc(
          loc.t('style.lowercaseTitles') === 'true'
            ? inSentence(m?.title ?? f.measure)
            : (m?.title ?? f.measure),
        ),
        comparison: second ? who(loc, second) : esc(loc.t('who.everyone_else')),
        rate: num(loc, rate, `${base}.${rateField}`, scale.rate) + per,
        comparisonRate: num(loc, cmpRate, `${base}.${cmpField}`, scale.rate) + per,
      }),
    ),
  ];
  if (flip) parts.push(esc(loc.t('finding.referenceWorse')));
  // In the public edition a small excess (below the suppression threshold) is not printed.
  const min = results.stamp.audience === 'public' ? results.settings.suppressionThreshold : 0.5;
  if (f.excessEvents !== null && f.excessEvents >= min && m) {
    const excess = num(loc, f.excessEvents, `${base}.excessEvents`, 'int');
    parts.push(
      scale.isRate || isPerson(m)
        ? loc.tn(`finding.excess${scale.isRate ? '.rate' : ''}.${m.direction}`, f.excessEvents, { excess })
        : loc.t(`finding.excess.units.${m.direction}`, {
            excess,
            units: unitNoun(loc, m, f.excessEvents),
          }),
    );
  }
  if (f.gapDirection && f.gapDirection !== 'not_assessed' && f.periods) {
    const periods = loc.tn(`periods.${results.settings.period}`, f.periods, {
      n: num(loc, f.periods, `${base}.periods`, 'int'),
    });
    parts.push(loc.t(`finding.trend.${f.gapDirection}`, { periods }));
  }
  return parts.join(' ');
}

function card(loc: Locale, results: ResultsFile, f: Finding, i: number): string {
  const m = results.measures.find((x) => x.id === f.measure);
  const stats = [
    f.ratio !== null
      ? `${esc(loc.t('table.ratio'))} ${num(loc, f.ratio, `findings.${i}.ratio`, 'ratio')}`
      : '',
    f.qValue !== null ? `${esc(loc.t('table.q'))} ${num(loc, f.qValue, `findings.${i}.qValue`, 'q')}` : '',
    // the size of the group the sentence is about (a reference doing worse: not the compared group's)
    f.denominator && !f.referenceWorse
      ? loc.t('finding.units', {
          n: num(loc, f.denominator, `findings.${i}.denominator`, 'int'),
          units: unitNoun(loc, m, f.denominator),
        })
      : '',
    f.referenceRule ? esc(loc.t('finding.rule', { rule: loc.t(`rule.${f.referenceRule}`) })) : '',
    f.pinned ? esc(loc.t('finding.pinned')) : '',
  ].filter(Boolean);
  // Intersections and discovered subgroups: what each attribute alone shows, beside the combination.
  const parents = (f.parents ?? [])
    .map(
      (p, pi) =>
        `<span class="parent">${loc.label(p.group)}: ${num(loc, p.rate, `findings.${i}.parents.${pi}.rate`, measureScale(m).rate)}</span>`,
    )
    .join('');
  const facet = f.facet
    ? ` · ${loc.t('measure.facet', { name: stratifierName(loc, f.facet.name), value: loc.label(f.facet.value) })}`
    : '';
  return `<li class="finding"><p class="tag"><span class="measure-name">${esc(m?.title ?? f.measure)}</span> · ${loc.t(
    'finding.by',
    {
      stratifiers: Object.keys(f.values)
        .map((k) => stratifierName(loc, k))
        .join(' × '),
    },
  )}${facet}${f.kind === 'stratum' ? '' : ` · ${esc(loc.t(`finding.kind.${f.kind}`))}`}</p><div class="finding-body"><p class="sentence">${findingSentence(loc, results, f, i)}</p>${gapGlyph(loc, f.rate, f.comparisonRate, measureScale(m))}</div>${parents ? `<p class="parents-line">${esc(loc.t('finding.parents'))} <span class="parents">${parents}</span></p>` : ''}<p class="stats">${stats.join(' · ')} · <a href="#m-${esc(f.measure)}">${esc(loc.t('findings.measureLink'))}</a></p></li>`;
}

export function findingsSection(loc: Locale, results: ResultsFile): string {
  const cards = results.findings.map((f, i) => card(loc, results, f, i));
  const list = cards.length
    ? `<ol class="findings">${cards.slice(0, FRONT).join('')}</ol>${
        cards.length > FRONT
          ? `<details class="more"><summary>${loc.tn('findings.more', cards.length - FRONT, { n: `<span class="n" data-count="more" data-value="${cards.length - FRONT}" data-kind="int">${esc(loc.format(cards.length - FRONT, 'int'))}</span>` })}</summary><ol class="findings" start="${FRONT + 1}">${cards.slice(FRONT).join('')}</ol></details>`
          : ''
      }`
    : `<p class="empty">${esc(loc.t('noFindings'))}</p>`;
  return `<section id="findings" aria-labelledby="findings-h"><h2 id="findings-h">${esc(loc.t('findings'))}</h2><p class="lead">${rankingLead(loc, results)}</p>${list}</section>`;
}

/** How the findings are ordered, as the page states it (results without `ranking`: the older lead). */
export function rankingLead(loc: Locale, results: ResultsFile): string {
  const r = results.ranking;
  if (!r) return esc(loc.t('findings.lead'));
  // race and ethnicity on the 1997 basis are not named beside the 2024 combined field
  const names = r.priorities.filter(
    (p) => !((p === 'race' || p === 'ethnicity') && r.priorities.includes('race_ethnicity')),
  );
  const text = [
    loc.t('findings.ranking', {
      priorities: names.length ? names.map((p) => stratifierName(loc, p)).join(', ') : '–',
      priorityWeight: num(loc, r.priorityWeight, 'ranking.priorityWeight', 'sig'),
      processWeight: num(loc, r.processWeight, 'ranking.processWeight', 'sig'),
    }),
    r.pins > 0 ? loc.t('findings.ranking.pins') : '',
  ].filter(Boolean);
  return text.join(' ');
}

export function glanceSection(loc: Locale, results: ResultsFile): string {
  const rows = results.measures.map((m, mi) => {
    const worse = m.strata.reduce((a, s) => a + s.groups.filter((g) => g.label === 'worse').length, 0);
    return [
      `<a href="#m-${esc(m.id)}">${esc(m.title)}</a>`,
      `${num(loc, m.overall.rate, `measures.${mi}.overall.rate`, measureScale(m).rate)}${m.kind === 'rate' ? ` ${esc(perUnit(loc, measureScale(m)))}` : ''}`,
      `${num(loc, m.overall.denominator, `measures.${mi}.overall.denominator`, 'int')} ${unitNoun(loc, m, m.overall.denominator)}`,
      `<span class="n" data-count="worse" data-measure="${mi}" data-value="${worse}">${esc(loc.format(worse, 'int'))}</span>`,
      esc(loc.t(`direction.${m.direction}`)),
    ];
  });
  return `<section id="glance" aria-labelledby="glance-h"><h2 id="glance-h">${esc(loc.t('glance'))}</h2>${table(
    esc(loc.t('glance')),
    ['glance.measure', 'glance.overall', 'glance.counted', 'glance.worse', 'glance.better'].map((k) =>
      esc(loc.t(k)),
    ),
    rows,
    'glance',
    true,
  )}</section>`;
}
