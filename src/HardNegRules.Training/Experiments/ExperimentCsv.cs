using System.Globalization;
using System.Text;

namespace HardNegRules.Training.Experiments;

/// <summary>The experiment's numbers as CSV: every run's metrics, the differences, the training curves.</summary>
internal static class ExperimentCsv
{
    public static void Write(string directory, ExperimentReport report, IReadOnlyList<ExperimentCurve> curves)
    {
        var metrics = new StringBuilder("arm,seed,split,test,concept,value\n");
        foreach (ExperimentRunResult run in report.Runs)
        {
            foreach (string split in ExperimentReport.Splits)
            {
                if (run.Of(split) is not { } m)
                {
                    continue;
                }
                foreach (ExperimentMetric metric in ExperimentMetric.All)
                {
                    metrics.Append(CultureInfo.InvariantCulture,
                        $"{run.Arm},{run.Seed},{split},{metric.Test},{metric.Concept},{metric.Value(m)?.ToString("0.####", CultureInfo.InvariantCulture)}\n");
                }
            }
        }
        File.WriteAllText(Path.Combine(directory, "concepts.csv"), metrics.ToString());

        var differences = new StringBuilder("arm,split,test,concept,mean_points,sd_points");
        foreach (int seed in report.Seeds)
        {
            differences.Append(CultureInfo.InvariantCulture, $",seed_{seed}");
        }
        differences.Append('\n');
        foreach (ExperimentDifference d in report.Differences)
        {
            differences.Append(CultureInfo.InvariantCulture, $"{d.Arm},{d.Split},{d.Test},{d.Concept},{Number(d.MeanPoints)},{Number(d.SdPoints)}");
            foreach (int seed in report.Seeds)
            {
                differences.Append(',').Append(Number(d.PerSeedPoints[seed.ToString(CultureInfo.InvariantCulture)]));
            }
            differences.Append('\n');
        }
        File.WriteAllText(Path.Combine(directory, "differences.csv"), differences.ToString());

        var loss = new StringBuilder("arm,seed,step,loss\n");
        foreach (ExperimentCurve curve in curves)
        {
            for (int i = 0; i < curve.Steps.Length; i++)
            {
                loss.Append(CultureInfo.InvariantCulture, $"{curve.Arm},{curve.Seed},{curve.Steps[i]},{curve.Losses[i]:R}\n");
            }
        }
        File.WriteAllText(Path.Combine(directory, "training-loss.csv"), loss.ToString());

        if (report.AlphaSweep.Count > 0)
        {
            var sweep = new StringBuilder("seed,alpha,image_pair_binding,text_ranking_binding,i2t_r5,t2i_r5\n");
            foreach (ExperimentAlphaPoint p in report.AlphaSweep)
            {
                sweep.Append(CultureInfo.InvariantCulture,
                    $"{p.Seed},{p.Alpha:R},{Share(p.ImagePairBinding)},{Share(p.TextRankingBinding)},{Share(p.ImageToTextR5)},{Share(p.TextToImageR5)}\n");
            }
            File.WriteAllText(Path.Combine(directory, "alpha-sweep.csv"), sweep.ToString());
        }
    }

    private static string Share(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty;
}
