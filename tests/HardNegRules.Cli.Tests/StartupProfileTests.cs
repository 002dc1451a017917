namespace HardNegRules.Cli.Tests;

/// <summary>The start-up profile is a cache: a damaged one, or a temporary folder that cannot hold one, changes nothing
/// but speed.</summary>
public class StartupProfileTests
{
    private static readonly string[] Permute = ["permute", "A red car on the left.", "--seed", "3"];

    [Test]
    public void A_run_records_a_profile_and_a_damaged_profile_changes_nothing()
    {
        string temp = Hardneg.TempDirectory();
        var environment = new Dictionary<string, string?> { ["TMPDIR"] = temp };

        Hardneg.Result first = Hardneg.RunWith(Hardneg.RepositoryRoot, environment, Permute);
        string[] profiles = Directory.GetFiles(Path.Combine(temp, "hardneg-startup"), "permute-*.profile");
        foreach (string profile in profiles)
        {
            File.WriteAllBytes(profile, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 131 % 251))]);
        }
        Hardneg.Result second = Hardneg.RunWith(Hardneg.RepositoryRoot, environment, Permute);

        Assert.That(first.ExitCode, Is.Zero, first.Stderr);
        Assert.That(profiles, Has.Length.EqualTo(1), "one profile per command and build");
        Assert.That((second.ExitCode, second.Stdout, second.Stderr), Is.EqualTo((0, first.Stdout, first.Stderr)));
    }

    [Test]
    public void A_temporary_folder_that_cannot_hold_a_profile_changes_nothing()
    {
        string file = Hardneg.WriteFile(Hardneg.TempDirectory(), "not-a-folder", "x");

        Hardneg.Result usual = Hardneg.Run(Permute);
        Hardneg.Result result = Hardneg.RunWith(Hardneg.RepositoryRoot, new Dictionary<string, string?> { ["TMPDIR"] = file }, Permute);

        Assert.That((result.ExitCode, result.Stdout, result.Stderr), Is.EqualTo((0, usual.Stdout, usual.Stderr)));
    }
}
