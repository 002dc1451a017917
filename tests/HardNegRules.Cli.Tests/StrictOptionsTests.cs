namespace HardNegRules.Cli.Tests;

/// <summary>Options are parsed strictly and checked in the user's terms, in every command.</summary>
public class StrictOptionsTests
{
    [Test]
    public void An_unknown_option_is_a_usage_error_that_names_it_and_runs_nothing()
    {
        Hardneg.Result result = Hardneg.Run("permute", "--bogus-option", "3", "a red car");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stderr, Does.Contain("unknown option --bogus-option").And.Contain("--concepts"));
        Assert.That(result.Stdout, Is.Empty);
    }

    [TestCase("negatives", "--inptu", "--input")]
    [TestCase("negatives", "--ouptut", "--output")]
    [TestCase("train", "--stpes", "--steps")]
    [TestCase("train", "--presets", "--preset")]
    [TestCase("eval", "--checkpiont", "--checkpoint")]
    [TestCase("experiment", "--pretrain-step", "--pretrain-steps")]
    [TestCase("rules report", "--inpt", "--input")]
    public void A_misspelled_option_gets_the_nearest_known_one(string command, string typo, string meant)
    {
        Hardneg.Result result = Hardneg.Run([.. command.Split(' '), typo, "x"]);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stderr.Trim(), Is.EqualTo($"hardneg: {command}: unknown option {typo}; did you mean {meant}?"));
    }

    [Test]
    public void An_option_that_train_does_not_have_is_not_silently_ignored()
    {
        // --concepts belongs to the commands that write negatives; train takes its concepts from the preset.
        Hardneg.Result result = Hardneg.Run("train", "--concepts", "color", "--steps", "1");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stderr, Does.Contain("train: unknown option --concepts"));
    }

    [Test]
    public void A_misspelled_command_gets_the_nearest_known_one()
    {
        Hardneg.Result result = Hardneg.Run("tran", "--steps", "3");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stderr.Trim(), Is.EqualTo("hardneg: unknown command 'tran'; did you mean train?"));
    }

    [TestCase(new[] { "train", "--seed", "abc" }, "hardneg: --seed: 'abc' is not a whole number.")]
    [TestCase(new[] { "train", "--steps", "1e3" }, "hardneg: --steps: '1e3' is not a whole number.")]
    [TestCase(new[] { "train", "--steps", "99999999999" }, "hardneg: --steps: '99999999999' is out of range (at most 2147483647).")]
    [TestCase(new[] { "permute", "--seed", "-1", "a red car" }, "hardneg: --seed: '-1' is negative; give a whole number of 0 or more.")]
    [TestCase(new[] { "permute", "--k=many", "a red car" }, "hardneg: --k: 'many' is not a whole number.")]
    [TestCase(new[] { "permute", "-k", "many", "a red car" }, "hardneg: -k: 'many' is not a whole number.")]
    [TestCase(new[] { "negatives", "--format", "5", "-i", "a", "-o", "b" }, "hardneg: --format: '5' is not one of jsonl, negclip.")]
    [TestCase(new[] { "bench", "--mode", "sideways" }, "hardneg: --mode: 'sideways' is not one of append, replace.")]
    [TestCase(new[] { "train", "--mode", "sideways" }, "hardneg: --mode: 'sideways' is not one of append, replace.")]
    [TestCase(new[] { "train", "--out", "" }, "hardneg: --out: the value is empty.")]
    public void A_value_of_the_wrong_kind_is_named_in_the_users_terms(string[] args, string expected)
    {
        Hardneg.Result result = Hardneg.Run(args);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stderr.Trim(), Is.EqualTo(expected));
    }

    [TestCase(new[] { "train", "--stop-after", "0" }, "--stop-after must be at least 1; got 0.")]
    [TestCase(new[] { "train", "--steps", "0" }, "--steps must be at least 1; got 0.")]
    [TestCase(new[] { "train", "--device", "gpu" }, "--device must be cpu, cuda or cuda:N; got 'gpu'.")]
    [TestCase(new[] { "train", "--set", "schedule.steps" }, "--set takes section.key=value")]
    [TestCase(new[] { "experiment", "--pretrain-steps", "-1" }, "--pretrain-steps must be 0 or more; got -1.")]
    [TestCase(new[] { "permute", "--epoch", "-2", "a red car" }, "--epoch must be 0 or more; got -2.")]
    public void Out_of_range_values_are_refused_before_anything_runs(string[] args, string expected)
    {
        Hardneg.Result result = Hardneg.Run(args);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stderr, Does.Contain(expected));
    }

    [Test]
    public void Messages_do_not_leak_parameter_names_of_the_code()
    {
        Hardneg.Result result = Hardneg.Run("permute", "--pack", "nope", "a red car");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stderr, Does.Contain("No rule pack 'nope'").And.Not.Contain("(Parameter"));
    }

    [Test]
    public void A_one_letter_option_may_be_written_with_two_dashes()
    {
        string output = Path.Combine(Hardneg.TempDirectory(), "negatives.jsonl");
        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot, "negatives", "--i", Path.Combine("tests", "data", "coco", "captions_val2017_sample.jsonl"),
            "--o=" + output, "--k", "1");

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(File.ReadLines(output).First(), Does.Contain("\"caption\""));
    }

    [Test]
    public void Known_spellings_still_work()
    {
        Hardneg.Result result = Hardneg.Run("permute", "--k=2", "--seed", "3", "--concepts", "color", "--json", "a red car");

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Does.Contain("\"caption\""));
    }
}
