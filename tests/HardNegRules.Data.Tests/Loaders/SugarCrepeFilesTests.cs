using HardNegRules.Data.Loaders;

namespace HardNegRules.Data.Tests.Loaders;

public class SugarCrepeFilesTests : LoaderTestFiles
{
    [Test]
    public void The_sample_has_83_items_in_all_seven_categories()
    {
        var report = new DataLoadReport();

        List<SugarCrepeItem> items = SugarCrepeFiles.Read(Path.Combine(TestData, "sugarcrepe"), report);

        Assert.That(items, Has.Count.EqualTo(83));
        Assert.That(report.ErrorCount, Is.Zero);
        Assert.That(items.GroupBy(i => i.Category).ToDictionary(g => g.Key, g => g.Count()), Is.EqualTo(new Dictionary<string, int>
        {
            ["add_att"] = 4, ["add_obj"] = 19, ["replace_att"] = 9, ["replace_obj"] = 14, ["replace_rel"] = 19, ["swap_att"] = 13, ["swap_obj"] = 5,
        }));
        Assert.That(items.Select(i => i.FileName).Distinct(), Has.All.Matches<string>(f => File.Exists(Path.Combine(TestData, "coco", "val2017-sample", f))));
    }

    [Test]
    public void Missing_files_bad_items_and_malformed_json_are_reported_and_the_rest_is_read()
    {
        Write("add_att.json", """
            {
              "0": {"filename": "a.jpg", "caption": "a dog", "negative_caption": "a brown dog"},
              "1": {"filename": "b.jpg", "caption": "a cat"},
              "2": {"filename": "c.jpg", "caption": "a cow", "negative_caption": "a black cow"}
            }
            """);
        Write("swap_obj.json", "{\n  \"0\": {\"filename\": \"a.jpg\",\n");
        var report = new DataLoadReport();

        List<SugarCrepeItem> items = SugarCrepeFiles.Read(Dir, report);

        Assert.That(items.Select(i => (i.Category, i.Key, i.FileName)), Is.EqualTo(new[] { ("add_att", "0", "a.jpg"), ("add_att", "2", "c.jpg") }));
        string[] errors = [.. report.Errors.Select(e => e.ToString())];
        Assert.That(errors, Has.One.Contains("add_att.json[record 1]").And.Contains("item \"1\": missing a non-empty \"negative_caption\""));
        Assert.That(errors, Has.One.Contains("swap_obj.json(").And.Contains("not valid JSON"));
        Assert.That(errors.Count(e => e.Contains("category file not found", StringComparison.Ordinal)), Is.EqualTo(5));
        Assert.That(report.ErrorCount, Is.EqualTo(7));
    }
}
