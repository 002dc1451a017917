using System.Text.Json;

namespace HardNegRules.Cli.Tests;

/// <summary>Preset overrides that make training commands run in seconds: a tiny world and a tiny model.</summary>
internal static class TinyTraining
{
    public static string[] Overrides(int steps) =>
    [
        "--steps", steps.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--set", "data.image-size=16",
        "--set", "data.train-scenes=16",
        "--set", "data.test-scenes=24",
        "--set", "model.channels=[8, 16]",
        "--set", "model.embed-dim=16",
        "--set", "model.text-width=16",
        "--set", "model.text-layers=1",
        "--set", "model.text-heads=2",
        "--set", "schedule.batch-size=16",
        "--set", "schedule.lr=0.005",
        "--set", "schedule.warmup=2",
        "--set", "schedule.checkpoint-every=0",
    ];

    public static string[] Args(params string[] command) => [.. command, .. Overrides(30)];

    public static List<(int Step, double Loss)> ReadMetrics(string path) =>
    [
        .. File.ReadLines(path).Select(line =>
        {
            using JsonDocument record = JsonDocument.Parse(line);
            return (record.RootElement.GetProperty("step").GetInt32(), record.RootElement.GetProperty("loss").GetDouble());
        }),
    ];
}
