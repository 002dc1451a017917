using System.Text;
using HardNegRules.Training.Checkpoints;

namespace HardNegRules.Training.Tests.Checkpoints;

/// <summary>Every damaged or foreign checkpoint is refused with the file, the section and what to use instead.</summary>
public class CheckpointIntegrityTests : TorchTestBase
{
    private static CheckpointState State(int step) =>
        new(CheckpointState.CurrentFormatVersion, step, 10, 0, step, 1, 8, 8, "m", 0.5, DateTime.UnixEpoch);

    private static string WriteCheckpoint(TempDirectory dir, int step, string name = "checkpoint.bin")
    {
        string path = dir.File(name);
        using var model = new ClipModel(ColorWorld.TinyModel, seed: step);
        using var optimizer = torch.optim.AdamW(model.parameters());
        CheckpointFile.Write(path, State(step), model, optimizer);
        return path;
    }

    private static IReadOnlyList<CheckpointSection> Sections(string path)
    {
        using FileStream file = File.OpenRead(path);
        return CheckpointLayout.ReadTable(file, path);
    }

    [TestCase("state")]
    [TestCase("model")]
    [TestCase("optimizer")]
    public void One_changed_byte_in_a_section_names_the_file_and_the_section(string name)
    {
        using var dir = new TempDirectory();
        string path = WriteCheckpoint(dir, 3);
        CheckpointSection section = Sections(path).Single(s => s.Name == name);
        FlipByte(path, section.Offset + (section.Length / 2));

        var error = Assert.Throws<CheckpointException>(() => CheckpointFile.Verify(path));

        Assert.That(error!.Section, Is.EqualTo(name));
        Assert.That(error.Message, Does.StartWith($"{path}: the '{name}' section is damaged (checksum mismatch"));
    }

    [Test]
    public void Loading_a_damaged_checkpoint_changes_nothing_in_the_model()
    {
        using var dir = new TempDirectory();
        string path = WriteCheckpoint(dir, 3);
        CheckpointSection optimizerSection = Sections(path).Single(s => s.Name == "optimizer");
        FlipByte(path, optimizerSection.Offset + 10);
        using var model = new ClipModel(ColorWorld.TinyModel, seed: 99);
        using var optimizer = torch.optim.AdamW(model.parameters());
        float[] before = model.LogLogitScale.data<float>().ToArray();

        Assert.Throws<CheckpointException>(() => CheckpointFile.Read(path, model, optimizer));

        Assert.That(model.LogLogitScale.data<float>().ToArray(), Is.EqualTo(before), "checksums are verified before loading");
    }

    [Test]
    public void A_changed_byte_in_the_json_state_is_caught_even_by_the_fast_state_read()
    {
        using var dir = new TempDirectory();
        string path = WriteCheckpoint(dir, 3);
        CheckpointSection state = Sections(path)[0];
        FlipByte(path, state.Offset + 5);

        var error = Assert.Throws<CheckpointException>(() => CheckpointFile.ReadState(path));

        Assert.That(error!.Section, Is.EqualTo("state"));
    }

    [Test]
    public void A_changed_byte_in_the_section_table_or_the_end_marker_is_caught()
    {
        using var dir = new TempDirectory();
        string path = WriteCheckpoint(dir, 3);
        long length = new FileInfo(path).Length;
        byte[] original = File.ReadAllBytes(path);
        long tableStart = Sections(path)[2].Offset + Sections(path)[2].Length;

        for (long position = tableStart; position < length; position++)
        {
            File.WriteAllBytes(path, original);
            FlipByte(path, position);
            var error = Assert.Throws<CheckpointException>(() => CheckpointFile.Verify(path), $"byte {position}");
            Assert.That(error!.Message, Does.StartWith(path));
        }
    }

    [TestCase("", "is empty (0 bytes)")]
    [TestCase("model: a text file\n", "is not a HardNegRules checkpoint")]
    [TestCase("HNRCKPT1\u0010\0\0\0{\"FormatVersion\":1}", "is a checkpoint of format 1; this hardneg reads format 2")]
    [TestCase("HNRCKPT2", "is cut off")]
    public void Files_that_are_not_checkpoints_of_this_format_are_named_as_such(string content, string expected)
    {
        using var dir = new TempDirectory();
        string path = dir.File("checkpoint.bin");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(content));

        var error = Assert.Throws<CheckpointException>(() => CheckpointFile.ReadState(path));

        Assert.That(error!.Message, Does.StartWith($"{path} {expected}").And.EndWith("No previous checkpoint is kept beside it."));
    }

    [Test]
    public void A_checkpoint_cut_off_anywhere_is_refused()
    {
        using var dir = new TempDirectory();
        string path = WriteCheckpoint(dir, 3);
        byte[] whole = File.ReadAllBytes(path);

        foreach (int length in new[] { 1, 7, 8, 40, whole.Length / 3, whole.Length / 2, whole.Length - 25, whole.Length - 1 })
        {
            File.WriteAllBytes(path, whole[..length]);
            Assert.Throws<CheckpointException>(() => CheckpointFile.Verify(path), $"cut at {length}");
        }
    }

    [Test]
    public void Each_write_keeps_the_checkpoint_it_replaces()
    {
        using var dir = new TempDirectory();
        WriteCheckpoint(dir, 3);
        WriteCheckpoint(dir, 4);
        string path = WriteCheckpoint(dir, 5);

        Assert.That(CheckpointFile.Verify(path).Step, Is.EqualTo(5));
        Assert.That(CheckpointFile.Verify(CheckpointFile.PreviousPath(path)).Step, Is.EqualTo(4));
        Assert.That(Directory.GetFiles(dir.Path).Select(Path.GetFileName),
            Is.EquivalentTo(new[] { "checkpoint.bin", "checkpoint.prev.bin", "checkpoint.json" }));
    }

    [Test]
    public void A_damaged_latest_checkpoint_points_to_the_intact_previous_one()
    {
        using var dir = new TempDirectory();
        WriteCheckpoint(dir, 3);
        string path = WriteCheckpoint(dir, 4);
        CheckpointSection model = Sections(path).Single(s => s.Name == "model");
        FlipByte(path, model.Offset + 100);
        string previous = CheckpointFile.PreviousPath(path);

        var error = Assert.Throws<CheckpointException>(() => CheckpointFile.Verify(path));

        Assert.That(error!.Message, Does.Contain($"The previous checkpoint {previous} (step 3) is intact")
            .And.Contain($"--checkpoint {previous}"));
    }

    [Test]
    public void Stale_temporary_files_of_killed_writes_are_removed_and_nothing_else()
    {
        using var dir = new TempDirectory();
        string stale = dir.File(".checkpoint.bin.4242.0123456789abcdef0123456789abcdef.tmp");
        File.WriteAllBytes(stale, new byte[1000]);
        string[] kept = [dir.File("notes.tmp"), dir.File(".hidden.tmp"), dir.File("checkpoint.bin")];
        foreach (string file in kept)
        {
            File.WriteAllText(file, "x");
        }

        (int files, long bytes) = CheckpointFile.RemoveStaleTemporaryFiles(dir.Path);

        Assert.That((files, bytes), Is.EqualTo((1, 1000L)));
        Assert.That(File.Exists(stale), Is.False);
        Assert.That(kept.All(File.Exists), Is.True);
    }

    private static void FlipByte(string path, long position)
    {
        using FileStream file = File.Open(path, FileMode.Open, FileAccess.ReadWrite);
        file.Position = position;
        int value = file.ReadByte();
        file.Position = position;
        file.WriteByte((byte)(value ^ 0x20));
    }
}
