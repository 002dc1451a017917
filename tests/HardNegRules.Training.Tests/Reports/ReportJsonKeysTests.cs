using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HardNegRules.Training.Benchmarks;
using HardNegRules.Training.Evaluation;
using HardNegRules.Training.Evaluation.Aro;
using HardNegRules.Training.Evaluation.ConceptWorld;
using HardNegRules.Training.Evaluation.InpaintCoco;
using HardNegRules.Training.Evaluation.Probes;
using HardNegRules.Training.Evaluation.RealData;
using HardNegRules.Training.Evaluation.SugarCrepe;
using HardNegRules.Training.Evaluation.Winoground;
using HardNegRules.Training.Experiments;

namespace HardNegRules.Training.Tests.Reports;

/// <summary>
/// The JSON keys of every report (bench, eval, experiment) against a checked-in list, so that renaming a property
/// cannot silently change a key that readers of existing reports rely on. HARDNEG_UPDATE_REPORT_KEYS=1 rewrites the list.
/// </summary>
public sealed class ReportJsonKeysTests
{
    private static readonly string BaselinePath =
        Path.Combine(RepositoryFiles.Root, "tests", "HardNegRules.Training.Tests", "Reports", "report-keys.txt");

    [Test]
    public void Bench_eval_and_experiment_reports_share_one_key_convention()
    {
        Assert.That(BenchmarkReport.Json, Is.SameAs(ReportJson.Options));
        Assert.That(ExperimentReport.Json, Is.SameAs(ReportJson.Options));
    }

    [Test]
    public void Report_keys_match_the_checked_in_list()
    {
        string actual = KeyListing();
        if (Environment.GetEnvironmentVariable("HARDNEG_UPDATE_REPORT_KEYS") == "1")
        {
            File.WriteAllText(BaselinePath, actual);
        }

        Assert.That(actual, Is.EqualTo(File.ReadAllText(BaselinePath)));
    }

    /// <summary>Every type a report holds with its keys as the report options write them, one line a type.</summary>
    private static string KeyListing()
    {
        var options = new JsonSerializerOptions(ReportJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        Type[] reports =
        [
            typeof(BenchmarkReport), typeof(ExperimentReport), typeof(EvaluationResults), typeof(ConceptWorldMetrics),
            typeof(RealDataMetrics), typeof(SugarCrepeReport), typeof(InpaintCocoReport), typeof(WinogroundSuiteReport),
            typeof(AroReport), typeof(BindingProbeResult),
        ];
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<Type>();
        foreach (Type report in reports)
        {
            Walk(report, options, seen, lines);
        }
        var text = new StringBuilder();
        foreach (string line in lines)
        {
            text.Append(line).Append('\n');
        }
        return text.ToString();
    }

    private static void Walk(Type type, JsonSerializerOptions options, HashSet<Type> seen, SortedSet<string> lines)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (!seen.Add(type) || type == typeof(object))
        {
            return;
        }
        JsonTypeInfo info = options.GetTypeInfo(type);
        if (info.Kind == JsonTypeInfoKind.Object)
        {
            lines.Add($"{type.FullName}: {string.Join(", ", info.Properties.Where(p => p.Get is not null).Select(p => p.Name))}");
            foreach (JsonPropertyInfo property in info.Properties)
            {
                Walk(property.PropertyType, options, seen, lines);
            }
        }
        else if (info.ElementType is { } element)
        {
            Walk(element, options, seen, lines);
        }
    }
}
