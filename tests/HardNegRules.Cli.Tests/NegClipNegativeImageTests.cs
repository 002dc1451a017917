using System.Globalization;
using System.Text.RegularExpressions;
using HardNegRules.Data.Loaders;

namespace HardNegRules.Cli.Tests;

/// <summary>The NegCLIP TSV's neg_image column: NegCLIP's open_clip fork reads it and fails without it.</summary>
public class NegClipNegativeImageTests
{
    private static readonly string Published = Path.Combine(Hardneg.RepositoryRoot, "tests", "data", "negclip", "valid_neg_clip_head.tsv");

    [Test]
    public void The_tsv_has_the_published_columns_and_types_and_round_trips_through_the_loader()
    {
        string dir = Hardneg.TempDirectory();
        var images = Enumerable.Range(0, 40).ToList();
        string[] captions = ["A red bus on the left of a small car.", "A black dog on a white couch.", "A large zebra near a giraffe.", "A man holding a blue umbrella."];
        string annotations = string.Join(", ", Enumerable.Range(0, 200).Select(i =>
            $"{{\"id\": {i}, \"image_id\": {i % 40}, \"caption\": \"{captions[i % captions.Length]}\"}}"));
        string coco = Hardneg.WriteFile(dir, "captions.json", $"{{\"images\": [{string.Join(", ", images.Select(i => $"{{\"id\": {i}, \"file_name\": \"{i:D12}.jpg\"}}"))}], \"annotations\": [{annotations}]}}");
        string tsv = Path.Combine(dir, "train.tsv");

        Hardneg.Result run = Hardneg.Run("negatives", "--input", coco, "--output", tsv, "--format", "negclip", "--image-root", "coco/val2017/", "--k", "2");

        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        string[] ours = File.ReadAllLines(tsv);
        string[] theirs = File.ReadAllLines(Published);
        Assert.That(ours[0], Is.EqualTo(theirs[0]), "the same header: index, title, filepath, neg_caption, neg_image");
        var row = new Regex(@"^(?<index>\d+)\t(?<title>[^\t]+)\t(?<filepath>[^\t]+)\t(?<neg_caption>\[('[^']*'|""[^""]*"")(, ('[^']*'|""[^""]*""))*\])\t(?<neg_image>\[\d+(, \d+)*\])$");
        foreach (string line in theirs.Skip(1))
        {
            Assert.That(row.IsMatch(line), Is.True, $"the published row shape: {line}");
        }

        var report = new DataLoadReport();
        List<NegClipRecord> records = [.. NegClipTsvLoader.Read(tsv, report)];
        Assert.That(report.Errors, Is.Empty);
        Assert.That(records, Has.Count.EqualTo(ours.Length - 1));
        for (int i = 1; i < ours.Length; i++)
        {
            Match match = row.Match(ours[i]);
            Assert.That(match.Success, Is.True, ours[i]);
            Assert.That(match.Groups["index"].Value, Is.EqualTo((i - 1).ToString(CultureInfo.InvariantCulture)));
            Assert.That(records[i - 1].Pair.Caption, Is.EqualTo(match.Groups["title"].Value));
            Assert.That(records[i - 1].NegativeCaptions, Has.Count.InRange(1, 2));
            int[] near = [.. Regex.Matches(match.Groups["neg_image"].Value, @"\d+").Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture))];
            Assert.That(near, Has.Length.EqualTo(3).And.Unique);
            foreach (int n in near)
            {
                Assert.That(n, Is.InRange(0, records.Count - 1));
                Assert.That(records[n].Pair.Image.Path, Is.Not.EqualTo(records[i - 1].Pair.Image.Path), "another image");
            }
        }
    }

    [Test]
    public void Neighbours_share_the_rarest_concepts()
    {
        string dir = Hardneg.TempDirectory();
        string jsonl = Path.Combine(dir, "captions.jsonl");
        File.WriteAllLines(jsonl,
        [
            "{\"id\": 0, \"caption\": \"A zebra and a dog.\", \"filepath\": \"a.jpg\"}",
            "{\"id\": 1, \"caption\": \"A dog on a couch.\", \"filepath\": \"b.jpg\"}",
            "{\"id\": 2, \"caption\": \"A zebra in the grass.\", \"filepath\": \"c.jpg\"}",
            "{\"id\": 3, \"caption\": \"A dog and a cat.\", \"filepath\": \"d.jpg\"}",
            "{\"id\": 4, \"caption\": \"A dog running.\", \"filepath\": \"e.jpg\"}",
            "{\"id\": 5, \"caption\": \"A zebra and a dog.\", \"filepath\": \"a.jpg\"}",
        ]);
        string tsv = Path.Combine(dir, "out.tsv");

        Hardneg.Result run = Hardneg.Run("negatives", "--input", jsonl, "--output", tsv, "--format", "negclip", "--neg-images", "1");

        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        string[] rows = File.ReadAllLines(tsv);
        Assert.That(rows, Has.Length.EqualTo(7));
        Assert.That(rows[1], Does.EndWith("\t[2]"), "zebra (3 of 6 rows) outweighs dog (5 of 6); row 5 shares both but is the same image");
    }
}
