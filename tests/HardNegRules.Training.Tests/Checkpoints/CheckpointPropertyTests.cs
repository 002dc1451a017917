using CsCheck;
using HardNegRules.Training.Checkpoints;

namespace HardNegRules.Training.Tests.Checkpoints;

/// <summary>Whatever bytes a checkpoint file holds, reading it gives the state or a <see cref="CheckpointException"/>
/// that names the file: never another exception, and never a changed checkpoint read as good.</summary>
/// <remarks>One thread: every case writes the same file, and a reader meeting another case's half-written bytes could
/// assemble an unchanged file from two changed ones.</remarks>
public class CheckpointPropertyTests : TorchTestBase
{
    [Test]
    public void Random_bytes_are_refused_with_a_checkpoint_error()
    {
        using var dir = new TempDirectory();
        string path = dir.File("checkpoint.bin");
        Gen.OneOf(Gen.Byte.Array[0, 2000], Gen.Byte.Array[0, 200].Select(tail => (byte[])[.. "HNRCKPT2"u8, .. tail]))
            .SampleFixed(bytes =>
            {
                File.WriteAllBytes(path, bytes);
                var error = Assert.Throws<CheckpointException>(() => CheckpointFile.Verify(path));
                Assert.That(error!.Message, Does.StartWith(path));
            }, iter: 2000, seed: "0005XmpLe7Tq");
    }

    [Test]
    public void Any_changed_bytes_in_a_real_checkpoint_are_caught()
    {
        using var dir = new TempDirectory();
        string path = dir.File("checkpoint.bin");
        using (var model = new ClipModel(ColorWorld.TinyModel, seed: 1))
        using (var optimizer = torch.optim.AdamW(model.parameters()))
        {
            CheckpointFile.Write(path, new CheckpointState(CheckpointState.CurrentFormatVersion, 3, 10, 0, 3, 1, 8, 8, "m", 0.5,
                DateTime.UnixEpoch), model, optimizer);
        }
        byte[] original = File.ReadAllBytes(path);

        Gen.Select(Gen.Int[0, original.Length - 1].Array[1, 50], Gen.Byte[1, 255])
            .SampleFixed((positions, mask) =>
            {
                byte[] changed = (byte[])original.Clone();
                foreach (int position in positions.Distinct())
                {
                    changed[position] ^= mask;
                }
                File.WriteAllBytes(path, changed);
                var error = Assert.Throws<CheckpointException>(() => CheckpointFile.Verify(path));
                Assert.That(error!.Message, Does.StartWith(path));
            }, iter: 300, seed: "0006XmpLe7Tq");
    }
}
