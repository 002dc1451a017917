using HardNegRules.Training.Training;

namespace HardNegRules.Training.Tests.Training;

/// <summary>The device option is one of cpu, cuda and cuda:N, known before anything is built.</summary>
public class TrainingDeviceTests : TorchTestBase
{
    [Test]
    public void Names_cpu_cuda_and_cuda_n_only()
    {
        Assert.That(new[] { "cpu", "cuda", "cuda:0", "cuda:12" }.Where(n => !TrainingDevice.IsName(n)), Is.Empty);
        Assert.That(new[] { "gpu", "cuda:", "cuda:x", "cuda:-1", "CPU", "" }.Where(TrainingDevice.IsName), Is.Empty);
    }

    [TestCase("gpu")]
    [TestCase("cuda:x")]
    public void Resolving_what_is_no_device_name_is_an_argument_error(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingDevice.Resolve(name));

        Assert.That(error!.Message, Does.StartWith($"Unknown device '{name}': expected cpu, cuda or cuda:N."));
    }

    [Test]
    public void The_cpu_is_always_there_however_it_is_written() =>
        Assert.That(TrainingDevice.Resolve(" CPU ").type, Is.EqualTo(DeviceType.CPU));
}
