using System.Text;

namespace HardNegRules.Cli.Tests;

/// <summary>Whatever fails, the user sees one line and an exit code, never a .NET stack trace.</summary>
public class ErrorBoundaryTests
{
    [Test]
    public void An_internal_error_is_one_line_with_exit_code_3_and_the_details_in_a_log_file()
    {
        var stderr = new StringWriter();

        int code = CliErrors.Run(() => throw new InvalidOperationException("the index went wrong"), stderr);

        string[] lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(code, Is.EqualTo(3));
        Assert.That(lines, Has.Length.EqualTo(1));
        Assert.That(lines[0], Does.StartWith("hardneg: internal error: the index went wrong (InvalidOperationException); details in "));
        string log = lines[0][(lines[0].IndexOf("details in ", StringComparison.Ordinal) + 11)..lines[0].IndexOf(". Please", StringComparison.Ordinal)];
        try
        {
            Assert.That(File.ReadAllText(log), Does.Contain("InvalidOperationException: the index went wrong").And.Contain(" at "));
        }
        finally
        {
            File.Delete(log);
        }
    }

    [TestCase(typeof(IOException), 2)]
    [TestCase(typeof(InvalidDataException), 2)]
    [TestCase(typeof(UnauthorizedAccessException), 2)]
    [TestCase(typeof(FormatException), 2)]
    [TestCase(typeof(System.Text.Json.JsonException), 2)]
    [TestCase(typeof(ArgumentException), 2)]
    [TestCase(typeof(OperationCanceledException), 130)]
    [TestCase(typeof(NullReferenceException), 3)]
    [TestCase(typeof(ArgumentNullException), 3)]
    [TestCase(typeof(KeyNotFoundException), 3)]
    public void Every_exception_type_maps_to_an_exit_code_and_one_line(Type type, int expected)
    {
        var stderr = new StringWriter();
        var exception = (Exception)Activator.CreateInstance(type, "what happened")!;

        int code = CliErrors.Run(() => throw exception, stderr);

        Assert.That(code, Is.EqualTo(expected));
        Assert.That(stderr.ToString().TrimEnd().Split('\n'), Has.Length.EqualTo(1), stderr.ToString());
        Assert.That(stderr.ToString(), Does.Not.Contain(" at "));
    }

    [Test]
    public void A_multi_line_message_is_folded_into_one_line()
    {
        var stderr = new StringWriter();

        int code = CliErrors.Run(() => throw new IOException("first\nsecond\r\nthird"), stderr);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr.ToString(), Is.EqualTo("hardneg: first second third" + Environment.NewLine));
    }

    [Test]
    public void A_preset_nested_beyond_the_limit_is_a_located_error_not_a_stack_overflow()
    {
        string dir = Hardneg.TempDirectory();
        string preset = Path.Combine(dir, "deep.yaml");
        File.WriteAllText(preset, "rules:\n  concepts: " + new string('[', 200_000) + new string(']', 200_000) + "\n", Encoding.UTF8);

        Hardneg.Result result = Hardneg.Run("train", "--preset", preset, "--out", Path.Combine(dir, "run"));

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stderr.Trim(), Does.StartWith($"hardneg: {preset}(2,").And.Contain("nested more than"));
    }

    [TestCase("", "the preset file is empty")]
    [TestCase("schedule:\n\tsteps: 3\n", "(2,1): malformed YAML")]
    [TestCase("schedule:\n  steps: [1, 2\n", "(3,1): malformed YAML")]
    public void A_broken_preset_file_is_a_located_usage_error(string text, string expected)
    {
        string dir = Hardneg.TempDirectory();
        string preset = Hardneg.WriteFile(dir, "broken.yaml", text);

        Hardneg.Result result = Hardneg.Run("experiment", "--preset", preset, "--out", Path.Combine(dir, "run"));

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stderr.Trim(), Does.StartWith($"hardneg: {preset}").And.Contain(expected));
        Assert.That(result.Stderr, Does.Not.Contain("current state of the object"));
    }

    [Test]
    public void A_broken_run_manifest_is_a_usage_error_naming_the_file()
    {
        string dir = Hardneg.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "checkpoint.bin"), "not a checkpoint");
        File.WriteAllText(Path.Combine(dir, "run.json"), "{\"Preset\": \"concept-world\", \"Overrides\": [" + new string('[', 5000));

        Hardneg.Result result = Hardneg.Run("eval", "--checkpoint", dir);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stderr.Trim(), Does.StartWith("hardneg: ").And.Contain("run.json"));
        Assert.That(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1));
    }
}
