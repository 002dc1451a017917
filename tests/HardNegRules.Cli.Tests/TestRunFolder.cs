namespace HardNegRules.Cli.Tests;

/// <summary>Removes what the CLI tests wrote to the temporary folder once all of them have run.</summary>
[SetUpFixture]
public sealed class TestRunFolder
{
    [OneTimeTearDown]
    public void DeleteTestFolders() => Hardneg.DeleteTempDirectories();
}
