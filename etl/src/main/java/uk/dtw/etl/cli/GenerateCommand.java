package uk.dtw.etl.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.dtw.etl.synthetic.NationalExtracts;
import uk.dtw.model.vocabulary.FinancialYear;

/** {@code generate}: a synthetic national landing folder for benchmarks and large tests. */
@Command(
    name = "generate",
    showDefaultValues = true,
    optionListHeading = "%nOptions:%n",
    description =
        "Write synthetic national extracts (every partnership, every year) in the canonical"
            + " layout: prevalence, treatment, funding, targets, and episodes sized by --scale.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the extracts were written",
      "2:the command line was wrong (a bad year or scale too), or writing failed"
    })
final class GenerateCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Required. Folder to write the extracts into (made if missing).")
  Path out;

  @Option(
      names = "--from",
      defaultValue = "2005-06",
      paramLabel = "YEAR",
      description = "First financial year.")
  String from;

  @Option(
      names = "--to",
      defaultValue = "2014-15",
      paramLabel = "YEAR",
      description = "Last financial year.")
  String to;

  @Option(
      names = "--scale",
      defaultValue = "1",
      paramLabel = "X",
      description =
          "Size of the record-level episodes, from 0 to 20: 1 is England's size (about 200,000"
              + " people in treatment a year), 0.01 one percent of it, 0 no episodes.")
  double scale;

  @Option(
      names = "--seed",
      defaultValue = "42",
      paramLabel = "N",
      description = "Random seed; the same seed gives the same files.")
  long seed;

  @Override
  public Integer call() {
    FinancialYear first =
        FinancialYear.parse(from)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "--from: '" + from + "' is not a financial year such as 2005-06"));
    FinancialYear last =
        FinancialYear.parse(to)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "--to: '" + to + "' is not a financial year such as 2014-15"));
    if (!(scale >= 0) || scale > 20) {
      throw new IllegalArgumentException("--scale: expected a number from 0 to 20, not " + scale);
    }
    long rows = new NationalExtracts(seed, scale).write(out, first, last);
    System.out.printf(
        "wrote %d rows of synthetic extracts for %s to %s at scale %s into %s%n",
        rows, first, last, scale, out);
    return EtlMain.OK;
  }
}
