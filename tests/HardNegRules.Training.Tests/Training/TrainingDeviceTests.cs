using HardNegRules.Training.Training;

namespace HardNegRules.Training.Tests.Training;

/// <summary>The device option is one of cpu, cuda and cuda:N, known before anything is built.</summary>
public class TrainingDeviceTests : TorchTestBase
{
    [TestCase("cpu", true)]
    [TestCase("cuda", true)]
    [TestCase("cuda:0", true)]
    [TestCase("cuda:12", true)]
    [TestCase("gpu", false)]
    [TestCase("cuda:", false)]
    [TestCase("cuda:x", false)]
    [TestCase("cuda:-1", false)]
    [TestCase("", false)]
    public void Names_a_device(string name, bool expected) => Assert.That(TrainingDevice.IsName(name), Is.EqualTo(expected));

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
