using HardNegRules.Training.Runs;

namespace HardNegRules.Training.Tests.Runs;

public class RunFolderLockTests
{
    [Test]
    public void A_second_lock_on_a_held_folder_fails_at_once_and_a_released_folder_can_be_locked_again()
    {
        using var dir = new TempDirectory();
        using (RunFolderLock.Acquire(dir.Path, "first"))
        {
            var error = Assert.Throws<IOException>(() => RunFolderLock.Acquire(dir.Path, "second"));
            Assert.That(error!.Message, Does.StartWith($"{dir.Path} is in use by another run"));
        }

        using RunFolderLock again = RunFolderLock.Acquire(dir.Path, "third");
        Assert.That(File.Exists(Path.Combine(dir.Path, RunFolderLock.FileName)), Is.True);
    }

    [Test]
    public void A_folder_that_cannot_be_created_is_named_in_the_error()
    {
        using var dir = new TempDirectory();
        string file = dir.File("a-file");
        File.WriteAllText(file, "x");
        string inside = Path.Combine(file, "run");

        var error = Assert.Throws<IOException>(() => RunFolderLock.Acquire(inside, "train"));

        Assert.That(error!.Message, Does.StartWith($"{inside}: cannot create the run folder"));
    }
}
