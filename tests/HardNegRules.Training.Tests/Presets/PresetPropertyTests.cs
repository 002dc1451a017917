using System.Text;
using CsCheck;
using HardNegRules.Training.Presets;

namespace HardNegRules.Training.Tests.Presets;

/// <summary>Whatever text a preset holds, loading it gives a preset or a <see cref="PresetException"/> that names the
/// source: never another exception.</summary>
public class PresetPropertyTests
{
    private static readonly string[] Words =
    [
        "data", "rules", "model", "schedule", "evaluation", "preset", "description", "steps", "k", "mode", "seed", "lr",
        "weight", "concepts", "channels", "train-scenes", "batch-size", "append", "replace", "true", "no", "~", "null",
        "-1", "0", "3", "1e9", "0.5", "99999999999999999999", "NaN", "location", "color", "[", "]", "{", "}", ":", "- ",
        "'", "\"", "&a", "*a", "!!str", "#", "\t", "%", "@", "`", "|", ">", "?", ",", "\u00e9", "\ufffd", "\0",
    ];

    private static readonly Gen<string> Scalars = Gen.OneOf(Gen.OneOf(Words), Gen.String[0, 12]);

    // A YAML-like tree in block style: mappings and lists of scalars nested a few levels, with stray punctuation from
    // the word list, so that both valid presets with wrong values and broken syntax come out.
    private static readonly Gen<string> Trees = Tree(4).Select(lines => string.Join('\n', lines) + "\n");

    private static readonly string SamplePreset = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "rules", "presets", "concept-world-quick.yaml"));

    [Test]
    public void Random_yaml_trees_give_a_preset_or_a_located_error()
    {
        Trees.SampleFixed(LoadsOrFailsCleanly, iter: 3000, seed: "0001XmpLe7Tq");
    }

    [Test]
    public void Random_text_gives_a_preset_or_a_located_error()
    {
        Gen.String[0, 300].SampleFixed(LoadsOrFailsCleanly, iter: 3000, seed: "0002XmpLe7Tq");
    }

    [Test]
    public void Random_bytes_decoded_as_utf8_give_a_preset_or_a_located_error()
    {
        Gen.Byte.Array[0, 400].SampleFixed(bytes => LoadsOrFailsCleanly(Encoding.UTF8.GetString(bytes)), iter: 3000, seed: "0003XmpLe7Tq");
    }

    [Test]
    public void A_real_preset_with_bytes_changed_gives_a_preset_or_a_located_error()
    {
        byte[] original = Encoding.UTF8.GetBytes(SamplePreset);
        Gen.Select(Gen.Int[0, original.Length - 1].Array[1, 8], Gen.Byte.Array[8])
            .SampleFixed((positions, values) =>
            {
                byte[] changed = (byte[])original.Clone();
                for (int i = 0; i < positions.Length; i++)
                {
                    changed[positions[i]] = values[i];
                }
                LoadsOrFailsCleanly(Encoding.UTF8.GetString(changed));
            }, iter: 2000, seed: "0004XmpLe7Tq");
    }

    private static void LoadsOrFailsCleanly(string yaml)
    {
        try
        {
            PresetLoader.Parse(yaml, "random.yaml");
        }
        catch (PresetException e)
        {
            Assert.That(e.Message, Does.StartWith("random.yaml"), yaml);
            Assert.That(e.Line, Is.GreaterThanOrEqualTo(0));
        }
    }

    private static Gen<string[]> Tree(int depth)
    {
        Gen<string[]> leaf = Scalars.Select(s => new[] { s });
        if (depth == 0)
        {
            return leaf;
        }
        Gen<string[]> child = Tree(depth - 1);
        Gen<string[]> mapping = Gen.Select(Scalars, child).Array[1, 4].Select(entries =>
            entries.SelectMany(e => e.Item2.Length == 1
                ? [$"{e.Item1}: {e.Item2[0]}"]
                : new[] { $"{e.Item1}:" }.Concat(e.Item2.Select(line => "  " + line))).ToArray());
        Gen<string[]> list = child.Array[1, 4].Select(items =>
            items.SelectMany(item => item.Select((line, i) => (i == 0 ? "- " : "  ") + line)).ToArray());
        Gen<string[]> flow = Scalars.Array[0, 5].Select(items => new[] { "[" + string.Join(", ", items) + "]" });
        return Gen.Frequency((3, mapping), (1, list), (1, flow), (1, leaf));
    }
}
