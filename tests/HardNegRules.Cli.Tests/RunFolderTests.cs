using HardNegRules.Training.Runs;

namespace HardNegRules.Cli.Tests;

/// <summary>Run folders: one run at a time, damaged checkpoints refused with what to use instead, resumes that do not
/// repeat metrics, and no leftovers of killed writes.</summary>
public class RunFolderTests
{
    [TestCase("train")]
    [TestCase("experiment")]
    public void A_run_into_a_held_folder_fails_at_once_naming_the_holder(string command)
    {
        string dir = Hardneg.TempDirectory();
        using RunFolderLock held = RunFolderLock.Acquire(dir, "hardneg train --out elsewhere");

        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot, TinyTraining.Args(command, "--out", dir));

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stderr.Trim(), Does.StartWith($"hardneg: {dir} is in use by another run (pid {Environment.ProcessId}, started ")
            .And.Contain("hardneg train --out elsewhere"));
        Assert.That(Directory.GetFileSystemEntries(dir).Select(Path.GetFileName), Is.EquivalentTo(new[] { RunFolderLock.FileName }), "nothing was written");
    }

    [Test]
    public void Resume_cuts_metrics_back_to_the_checkpoint_and_removes_stale_temporary_files()
    {
        string dir = Hardneg.TempDirectory();
        Hardneg.Result stopped = Hardneg.RunIn(Hardneg.RepositoryRoot, TinyTraining.Args("train", "--out", dir, "--stop-after", "12"));
        Assert.That(stopped.ExitCode, Is.Zero, stopped.Stderr);
        // As a run killed after step 14 leaves it: lines past the checkpoint, one cut off, and a half-written checkpoint.
        string metrics = Path.Combine(dir, "metrics.jsonl");
        File.AppendAllText(metrics, "{\"step\":13,\"loss\":1}\n{\"step\":14,\"loss\":1}\n{\"step\":15,\"lo");
        string stale = Path.Combine(dir, ".checkpoint.bin.999999.0123456789abcdef0123456789abcdef.tmp");
        File.WriteAllBytes(stale, new byte[4096]);

        Hardneg.Result resumed = Hardneg.RunIn(Hardneg.RepositoryRoot, TinyTraining.Args("train", "--out", dir, "--resume"));

        Assert.That(resumed.ExitCode, Is.Zero, resumed.Stderr);
        Assert.That(TinyTraining.ReadMetrics(metrics).Select(m => m.Step), Is.EqualTo(Enumerable.Range(1, 30)));
        Assert.That(File.Exists(stale), Is.False);
        Assert.That(resumed.Stderr, Does.Contain("Removed 1 temporary file(s)"));
    }

    [Test]
    public void A_damaged_checkpoint_is_refused_naming_its_section_and_the_previous_checkpoint()
    {
        string dir = Hardneg.TempDirectory();
        string[] everyFiveSteps = [.. TinyTraining.Args("train", "--out", dir, "--stop-after", "12"), "--set", "schedule.checkpoint-every=5"];
        Hardneg.Result stopped = Hardneg.RunIn(Hardneg.RepositoryRoot, everyFiveSteps);
        Assert.That(stopped.ExitCode, Is.Zero, stopped.Stderr);
        string checkpoint = Path.Combine(dir, "checkpoint.bin");
        byte[] bytes = File.ReadAllBytes(checkpoint);
        for (int i = 0; i < 50; i++)
        {
            bytes[(bytes.Length / 3) + (i * 997)] ^= 0x55; // 50 bytes in the weights and the optimizer state
        }
        File.WriteAllBytes(checkpoint, bytes);

        Hardneg.Result resumed = Hardneg.RunIn(Hardneg.RepositoryRoot, TinyTraining.Args("train", "--out", dir, "--resume"));
        Hardneg.Result evaluated = Hardneg.Run("eval", "--checkpoint", dir);

        foreach (Hardneg.Result result in new[] { resumed, evaluated })
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
            Assert.That(result.Stderr.Trim(), Does.StartWith($"hardneg: {checkpoint}: the '")
                .And.Contain("section is damaged (checksum mismatch")
                .And.Contain($"The previous checkpoint {Path.Combine(dir, "checkpoint.prev.bin")} (step 10) is intact"));
        }
    }

    [Test]
    public void Resuming_a_run_killed_before_its_first_checkpoint_says_to_train_again()
    {
        string dir = Hardneg.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "run.json"), "{\"Preset\": \"concept-world\", \"Overrides\": []}");

        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot, TinyTraining.Args("train", "--out", dir, "--resume"));

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stderr, Does.Contain("stopped before its first checkpoint; train again without --resume"));
    }

    [TestCase("", "is empty (0 bytes)")]
    [TestCase("step: 12\nweights: none\n", "is not a HardNegRules checkpoint")]
    public void A_checkpoint_that_is_empty_or_text_is_a_usage_error(string content, string expected)
    {
        string dir = Hardneg.TempDirectory();
        string checkpoint = Hardneg.WriteFile(dir, "checkpoint.bin", content);

        Hardneg.Result resumed = Hardneg.RunIn(Hardneg.RepositoryRoot, TinyTraining.Args("train", "--out", dir, "--resume"));
        Hardneg.Result evaluated = Hardneg.Run("eval", "--checkpoint", checkpoint);

        foreach (Hardneg.Result result in new[] { resumed, evaluated })
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
            Assert.That(result.Stderr.Trim(), Is.EqualTo($"hardneg: {checkpoint} {expected}{(expected.StartsWith("is empty", StringComparison.Ordinal) ? ": not a checkpoint, or its write was cut off." : " (it does not start with the checkpoint header).")} No previous checkpoint is kept beside it."));
        }
    }

    [Test]
    public void A_changed_byte_in_the_json_state_is_a_usage_error()
    {
        string dir = Hardneg.TempDirectory();
        Hardneg.Result stopped = Hardneg.RunIn(Hardneg.RepositoryRoot, TinyTraining.Args("train", "--out", dir, "--stop-after", "3"));
        Assert.That(stopped.ExitCode, Is.Zero, stopped.Stderr);
        string checkpoint = Path.Combine(dir, "checkpoint.bin");
        byte[] bytes = File.ReadAllBytes(checkpoint);
        int digit = Array.IndexOf(bytes, (byte)'3', 8); // the step in {"FormatVersion": 2, "Step": 3, ...}
        bytes[digit] = (byte)'9';
        File.WriteAllBytes(checkpoint, bytes);

        Hardneg.Result result = Hardneg.Run("eval", "--checkpoint", checkpoint);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stderr, Does.Contain("the 'state' section is damaged (checksum mismatch"));
    }
}
