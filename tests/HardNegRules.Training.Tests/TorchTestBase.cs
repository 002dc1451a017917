using HardNegRules.Training.Setup;
using static TorchSharp.torch;

namespace HardNegRules.Training.Tests;

/// <summary>Prepares torch once per fixture and gives every test a dispose scope and a fixed seed.</summary>
public abstract class TorchTestBase
{
    private DisposeScope? _scope;

    [OneTimeSetUp]
    public void InitializeTorch() => TorchSetup.Initialize(threads: 2);

    [SetUp]
    public void OpenScope()
    {
        torch.manual_seed(1234);
        _scope = torch.NewDisposeScope();
    }

    [TearDown]
    public void CloseScope() => _scope?.Dispose();
}
