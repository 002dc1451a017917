using System.Diagnostics;
using HardNegRules.IO;

namespace HardNegRules.Rules.Tests;

/// <summary>Only regular files are opened: a FIFO, device or folder is refused at once, never waited on.</summary>
[NonParallelizable]
public class InputFileTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Directory.CreateTempSubdirectory("hardneg-input-").FullName;
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    /// <summary>Makes a real named pipe with mkfifo(1).</summary>
    internal static string MakeFifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, "mkfifo");
        return path;
    }

    [Test]
    public void Kinds_are_told_apart()
    {
        string file = Path.Combine(_dir, "color.yaml");
        File.WriteAllText(file, "concept: color\n");
        string fifo = MakeFifo(Path.Combine(_dir, "pipe.yaml"));
        string link = Path.Combine(_dir, "link.yaml");
        File.CreateSymbolicLink(link, fifo);
        Assert.Multiple(() =>
        {
            Assert.That(InputFile.KindOf(file), Is.EqualTo(InputFileKind.Regular));
            Assert.That(InputFile.KindOf(_dir), Is.EqualTo(InputFileKind.Directory));
            Assert.That(InputFile.KindOf(fifo), Is.EqualTo(InputFileKind.Fifo));
            Assert.That(InputFile.KindOf(link), Is.EqualTo(InputFileKind.Fifo), "links are followed, as an open would");
            Assert.That(InputFile.KindOf("/dev/null"), Is.EqualTo(InputFileKind.CharacterDevice));
            Assert.That(InputFile.KindOf(Path.Combine(_dir, "missing.yaml")), Is.EqualTo(InputFileKind.Missing));
        });
    }

    [Test]
    public void Opening_a_fifo_fails_at_once_instead_of_waiting_for_a_writer()
    {
        string fifo = MakeFifo(Path.Combine(_dir, "image.jpg"));
        var open = Task.Run(() => InputFile.ReadAllBytes(fifo));
        bool finished = Task.WaitAny([open], TimeSpan.FromSeconds(10)) == 0 || Unblock(fifo, open);
        Assert.That(finished, Is.True, "blocked on the FIFO");
        var e = Assert.ThrowsAsync<NotARegularFileException>(() => open);
        Assert.That(e!.Message, Does.Contain("image.jpg").And.Contain("named pipe"));
    }

    [Test]
    public void Devices_folders_and_missing_paths_are_refused_with_what_they_are()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => InputFile.OpenRead("/dev/zero"), Throws.TypeOf<NotARegularFileException>().With.Message.Contains("character device"));
            Assert.That(() => InputFile.ReadAllText(_dir), Throws.TypeOf<NotARegularFileException>().With.Message.Contains("a folder"));
            Assert.That(() => InputFile.ReadLines(Path.Combine(_dir, "none.txt")), Throws.TypeOf<FileNotFoundException>());
        });
    }

    [Test]
    public void A_regular_file_is_read_and_a_limit_stops_early()
    {
        string file = Path.Combine(_dir, "big.yaml");
        File.WriteAllText(file, new string('x', 100_000));
        Assert.Multiple(() =>
        {
            Assert.That(InputFile.ReadAllText(file), Has.Length.EqualTo(100_000));
            Assert.That(InputFile.ReadAllText(file, maxChars: 10), Has.Length.EqualTo(11), "one past the limit, so the caller sees it is over");
            Assert.That(InputFile.ReadLines(file).Single(), Has.Length.EqualTo(100_000));
        });
    }

    // A blocked open(2) of a FIFO returns once a writer opens it: let the test end instead of hanging the run.
    private static bool Unblock(string fifo, Task open)
    {
        using (new FileStream(fifo, FileMode.Open, FileAccess.Write))
        {
        }

        Task.WaitAny([open], TimeSpan.FromSeconds(5));
        return false;
    }
}
