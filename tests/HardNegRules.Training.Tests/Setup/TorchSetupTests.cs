using HardNegRules.Training.Setup;

namespace HardNegRules.Training.Tests.Setup;

public class TorchSetupTests
{
    [Test]
    public void Torch_loads_and_computes_after_initialize()
    {
        TorchSetup.Initialize(threads: 2);

        using var a = torch.tensor(new float[] { 1, 2, 3 });
        using var sum = a.sum();

        Assert.Multiple(() =>
        {
            Assert.That(sum.item<float>(), Is.EqualTo(6f));
            Assert.That(torch.get_num_threads(), Is.EqualTo(2));
        });
    }

    [Test]
    public void Allocator_is_tuned_on_linux()
    {
        TorchSetup.Initialize(threads: 2);

        Assert.That(TorchSetup.AllocatorTuned, Is.EqualTo(OperatingSystem.IsLinux()));
    }

    [Test]
    public void OpenMP_threads_sleep_when_idle_unless_the_user_chose_a_policy()
    {
        Assume.That(OperatingSystem.IsLinux(), "the setting is made on Linux only");
        // .NET's environment is the snapshot from process start: what the user chose, if anything.
        string expected = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "PASSIVE";

        TorchSetup.Initialize(threads: 2);

        Assert.That(TorchSetup.NativeOpenMpWaitPolicy(), Is.EqualTo(expected));
    }
}
