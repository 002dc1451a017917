using System.Diagnostics;
using System.Text;
using HardNegRules.Data.Captions;
using HardNegRules.Data.IO;
using HardNegRules.Data.Tests.Loaders;
using HardNegRules.Negatives;

namespace HardNegRules.Data.Tests.Captions;

public class CaptionInputHardeningTests : LoaderTestFiles
{
    private string WriteBytes(string name, byte[] bytes)
    {
        string path = Path.Combine(Dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Test]
    public void Random_bytes_are_refused_as_not_text_not_read_as_thousands_of_captions()
    {
        var bytes = new byte[300_000];
        new Random(7).NextBytes(bytes);
        foreach (string name in new[] { "random.txt", "random.jsonl", "random.json" })
        {
            string path = WriteBytes(name, bytes);
            Assert.That(() => CaptionFileReader.Read(path, _ => Assert.Fail("no record should be read")).ToList(),
                Throws.InstanceOf<CaptionInputException>().With.Message.StartsWith(path + ": not a text file (byte offset"), name);
        }
    }

    [Test]
    public void Utf16_text_is_refused_with_what_to_do()
    {
        string path = WriteBytes("utf16.txt", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("a red car\n")).ToArray());
        Assert.That(() => CaptionFileReader.Read(path, _ => { }).ToList(),
            Throws.InstanceOf<CaptionInputException>().With.Message.Contains("UTF-16").And.Message.Contains("save it as UTF-8"));
    }

    [Test]
    public void Invalid_utf8_lines_are_reported_with_their_numbers_never_turned_into_replacement_characters()
    {
        byte[] text = [.. "a red car\n"u8, .. "a caf"u8, 0xE9, .. " car\n"u8, .. "a blue bus\r\n"u8, 0xC3, 0x28, .. "\n"u8];
        var errors = new List<CaptionReadError>();

        List<CaptionRecord> records = [.. CaptionFileReader.Read(WriteBytes("c.txt", text), errors.Add)];

        Assert.That(records.Select(r => (r.Id, r.Caption)), Is.EqualTo(new[] { ("1", "a red car"), ("3", "a blue bus") }));
        Assert.That(records, Has.None.Matches<CaptionRecord>(r => r.Caption.Contains('\uFFFD', StringComparison.Ordinal)));
        Assert.That(errors.Select(e => (e.Line, e.Message)), Is.EqualTo(new[] { (2L, "not valid UTF-8 (byte 6 of the line)"), (4L, "not valid UTF-8 (byte 1 of the line)") }));
    }

    [Test]
    public void Invalid_utf8_in_jsonl_and_coco_records_and_lone_surrogate_escapes_are_unreadable_records()
    {
        byte[] jsonl = [.. "{\"caption\": \"a caf"u8, 0xE9, .. "\"}\n{\"caption\": \"a \\ud800 dog\"}\n{\"caption\": \"ok\"}\n"u8];
        var errors = new List<CaptionReadError>();
        Assert.That(CaptionFileReader.Read(WriteBytes("c.jsonl", jsonl), errors.Add).Select(r => r.Caption), Is.EqualTo(new[] { "ok" }));
        Assert.That(errors.Select(e => e.Line), Is.EqualTo(new long[] { 1, 2 }));

        byte[] coco = [.. "{\"annotations\": [{\"id\": 1, \"caption\": \"a caf"u8, 0xE9, .. "\"},\n{\"id\": 2, \"caption\": \"a \\udc00\"},\n{\"id\": 3, \"caption\": \"ok\"}]}"u8];
        errors.Clear();
        Assert.That(CaptionFileReader.Read(WriteBytes("c.json", coco), errors.Add).Select(r => r.Caption), Is.EqualTo(new[] { "ok" }));
        Assert.That(errors.Select(e => e.ToString()), Has.Exactly(2).Items);
        Assert.That(errors[0].Message, Does.StartWith("annotation 0: not valid UTF-8"));
        Assert.That(errors[1].Line, Is.EqualTo(2));
    }

    [Test]
    public void A_line_over_the_limit_is_reported_and_skipped_in_bounded_memory()
    {
        string path = Path.Combine(Dir, "long.txt");
        using (var writer = new StreamWriter(path))
        {
            writer.Write("a red car\n");
            writer.Write(new string('x', 20 * CaptionLimits.MaxRecordBytes));
            writer.Write("\na blue bus\n{\"caption\": \"" + new string('y', CaptionLimits.MaxRecordBytes + 10) + "\"}\n");
        }

        foreach (CaptionFormat format in new[] { CaptionFormat.Text, CaptionFormat.Jsonl })
        {
            var errors = new List<CaptionReadError>();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            List<CaptionRecord> records = [.. CaptionFileReader.Read(path, errors.Add, format)];
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

            Assert.That(errors.Select(e => (e.Line, e.Message)), Has.Member((2L, "the line is longer than 1,048,576 bytes: skipped")), format.ToString());
            Assert.That(errors.Select(e => e.Line), Has.Member(4L));
            Assert.That(allocated, Is.LessThan(24L << 20), $"{format}: a 20 MB line must not be held");
            if (format == CaptionFormat.Text)
            {
                Assert.That(records.Select(r => (r.Id, r.Caption)), Is.EqualTo(new[] { ("1", "a red car"), ("3", "a blue bus") }));
            }
        }
    }

    [Test]
    public void A_fifo_is_refused_before_it_is_opened()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("FIFOs are made with mkfifo on Linux.");
        }

        string fifo = Path.Combine(Dir, "captions.txt");
        using (Process mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        Assert.That(FileStatus.Kind(fifo), Is.EqualTo("FIFO (named pipe)"));
        // On a thread, so that a regression (opening the FIFO, which blocks until a writer comes) fails instead of hanging.
        Task<List<CaptionRecord>> read = Task.Run(() => CaptionFileReader.Read(fifo, _ => { }).ToList());
        Assert.That(() => read.Wait(TimeSpan.FromSeconds(10)),
            Throws.InstanceOf<AggregateException>().With.InnerException.InstanceOf<IOException>().And.InnerException.Message.Contains("is a FIFO (named pipe), not a regular file"));
        Assert.That(() => CaptionFileReader.Detect(fifo), Throws.InstanceOf<IOException>());
    }

    [Test]
    public void Same_file_sees_through_links_and_hard_links()
    {
        string input = Write("in.txt", "a red car\n");
        string other = Write("other.txt", "a red car\n");
        string symlink = Path.Combine(Dir, "link.txt");
        File.CreateSymbolicLink(symlink, input);
        string hardLink = Path.Combine(Dir, "hard.txt");
        using (Process ln = Process.Start("ln", [input, hardLink]))
        {
            ln.WaitForExit();
        }

        Assert.Multiple(() =>
        {
            Assert.That(FileStatus.SameFile(input, input), Is.True);
            Assert.That(FileStatus.SameFile(input, Path.Combine(Dir, ".", "in.txt")), Is.True);
            Assert.That(FileStatus.SameFile(input, symlink), Is.True);
            Assert.That(FileStatus.SameFile(input, hardLink), Is.True);
            Assert.That(FileStatus.SameFile(input, other), Is.False);
            Assert.That(FileStatus.SameFile(input, Path.Combine(Dir, "missing.txt")), Is.False);
        });
    }
}
