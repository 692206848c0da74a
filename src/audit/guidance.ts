/**
 * The guidance written into every audit (issue #15): which metrics matter depends on what the score is used
 * for, and every audit must ask whether the label measures the need or a proxy for it.
 */
export const AUDIT_GUIDANCE = {
  flag_rule: 'A row is flagged (predicted positive) when score ≥ threshold.',
  assistive:
    'If a flag gives help (care management, outreach, an extra test), the harm is missed need: look first at the false negative rate (fnr) and false omission rate (for) by group, and at calibration — a score that under-predicts for a group (observed_expected > 1, calibration_intercept > 0) flags fewer of its members than their need.',
  punitive:
    'If a flag withholds or punishes (denial, investigation, a higher price, a lower priority), the harm is a false flag: look first at the false positive rate (fpr) and false discovery rate (fdr) by group.',
  label_question:
    'Does the outcome label measure the thing we care about, or a proxy for it (such as cost, which is lower for groups with less access to care at equal need)? A score can be perfectly calibrated to a biased label; no metric here can detect that — it has to be asked.',
  statuses:
    'Declined, Unknown and Missing are reported apart and never used as a reference: they describe data quality, not a population.',
} as const;
