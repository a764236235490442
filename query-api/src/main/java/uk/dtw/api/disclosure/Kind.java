package uk.dtw.api.disclosure;

import java.util.Locale;

/** What a report column holds, as far as disclosure control is concerned. */
public enum Kind {
  /** A count of people from record-level data (NDTMS, episodes): suppressed when small. */
  COUNT,
  /** A rate, share, change or total built on counts (its basis): suppressed with any of them. */
  DERIVED,
  /** A modelled estimate (prevalence, bounds, rate, treatment naive): never suppressed. */
  MODELLED,
  /** Anything else: names, periods, ranks, money, agreed targets, published indicators. */
  NOT_A_COUNT;

  static Kind parse(String text) {
    return valueOf(text.strip().toUpperCase(Locale.ROOT));
  }
}
