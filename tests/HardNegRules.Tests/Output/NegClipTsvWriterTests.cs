using HardNegRules.Output;

namespace HardNegRules.Tests.Output;

public class NegClipTsvWriterTests
{
    [TestCase("a red bus", "'a red bus'")]
    [TestCase("a man's hat", "\"a man's hat\"")]
    [TestCase("a 'big' \"dog\"", "'a \\'big\\' \"dog\"'")]
    [TestCase("back\\slash\ttab", "'back\\\\slash\\ttab'")]
    public void Strings_are_written_as_python_repr_writes_them(string text, string literal) =>
        Assert.That(NegClipTsvWriter.PythonString(text), Is.EqualTo(literal));

    [Test]
    public void Rows_have_index_title_filepath_and_a_list_and_captions_without_negatives_are_left_out()
    {
        using var text = new StringWriter();
        var writer = new NegClipTsvWriter(text);
        var negative = new HardNegative("a blue bus", "color", NegativeKind.Replace, "color/red", new TermEdit(2, 3, "red", "blue"));

        Assert.That(writer.Write("a red bus", "coco/1.jpg", [negative, negative with { Text = "a \"red\" car" }]), Is.True);
        Assert.That(writer.Write("nothing", "coco/2.jpg", []), Is.False);
        Assert.That(writer.Write("a\tred bus", "coco/3.jpg", [negative]), Is.True);

        Assert.That(text.ToString(), Is.EqualTo(
            "\ttitle\tfilepath\tneg_caption\n" +
            "0\ta red bus\tcoco/1.jpg\t\"['a blue bus', 'a \"\"red\"\" car']\"\n" +
            "1\t\"a\tred bus\"\tcoco/3.jpg\t['a blue bus']\n"));
    }

    [Test]
    public void Rows_made_apart_and_written_in_order_are_the_rows_write_makes()
    {
        var negative = new HardNegative("a blue bus", "color", NegativeKind.Replace, "color/red", new TermEdit(2, 3, "red", "blue"));
        using var direct = new StringWriter();
        var writer = new NegClipTsvWriter(direct);
        writer.Write("a red bus", "1.jpg", [negative]);
        writer.Write("a \"red\" bus", "2.jpg", [negative]);
        using var split = new StringWriter();
        var rows = new NegClipTsvWriter(split);

        Assert.That(NegClipTsvWriter.Row("nothing", "3.jpg", []), Is.Null);
        rows.WriteRow(NegClipTsvWriter.Row("a red bus", "1.jpg", [negative])!);
        rows.WriteRow(NegClipTsvWriter.Row("a \"red\" bus", "2.jpg", [negative])!);

        Assert.That(split.ToString(), Is.EqualTo(direct.ToString()));
    }
}
