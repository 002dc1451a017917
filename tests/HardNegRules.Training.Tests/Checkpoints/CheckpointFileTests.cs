using HardNegRules.Training.Checkpoints;
using HardNegRules.Training.Training;

namespace HardNegRules.Training.Tests.Checkpoints;

public class CheckpointFileTests : TorchTestBase
{
    private static CheckpointState State(int step) =>
        new(CheckpointState.CurrentFormatVersion, step, 10, 0, step, 1, 8, 8, "m", 0.5, DateTime.UnixEpoch);

    [Test]
    public void A_write_that_fails_midway_leaves_the_previous_checkpoint_intact_and_loadable()
    {
        using var dir = new TempDirectory();
        string path = dir.File("checkpoint.bin");
        using var model = new ClipModel(ColorWorld.TinyModel, seed: 1);
        using var optimizer = torch.optim.AdamW(model.parameters());
        CheckpointFile.Write(path, State(3), model, optimizer);
        byte[] before = File.ReadAllBytes(path);
        float[] savedScale = model.LogLogitScale.data<float>().ToArray();

        using (torch.no_grad())
        {
            model.LogLogitScale.add_(1.0);
        }
        Assert.Throws<IOException>(() => CheckpointFile.Write(path, State(4), model, optimizer,
            stream => new FailingAfterBytes(stream, failAfter: before.Length / 2)));

        using var reloaded = new ClipModel(ColorWorld.TinyModel, seed: 2);
        using var reloadedOptimizer = torch.optim.AdamW(reloaded.parameters());
        CheckpointState state = CheckpointFile.Read(path, reloaded, reloadedOptimizer);
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(before));
            Assert.That(state.Step, Is.EqualTo(3));
            Assert.That(reloaded.LogLogitScale.data<float>().ToArray(), Is.EqualTo(savedScale));
            Assert.That(Directory.GetFiles(dir.Path, "*.tmp"), Is.Empty, "the partial temp file was left behind");
        });
    }

    [Test]
    public void Round_trip_restores_weights_and_the_sidecar_is_readable_json()
    {
        using var dir = new TempDirectory();
        string path = dir.File("checkpoint.bin");
        using var model = new ClipModel(ColorWorld.TinyModel, seed: 1);
        using var optimizer = torch.optim.AdamW(model.parameters());
        CheckpointFile.Write(path, State(7), model, optimizer);

        using var other = new ClipModel(ColorWorld.TinyModel, seed: 2);
        using var otherOptimizer = torch.optim.AdamW(other.parameters());
        CheckpointFile.Read(path, other, otherOptimizer);

        var expected = model.state_dict();
        Assert.Multiple(() =>
        {
            foreach ((string key, torch.Tensor value) in other.state_dict())
            {
                Assert.That(value.data<float>().ToArray(), Is.EqualTo(expected[key].data<float>().ToArray()), key);
            }
            Assert.That(File.ReadAllText(CheckpointFile.SidecarPath(path)), Does.Contain("\"Step\": 7"));
        });
    }

    [Test]
    public void A_file_that_is_not_a_checkpoint_is_rejected()
    {
        using var dir = new TempDirectory();
        string path = dir.File("bogus.bin");
        File.WriteAllText(path, "not a checkpoint at all");

        Assert.Throws<CheckpointException>(() => CheckpointFile.ReadState(path));
    }

    /// <summary>Passes writes through until a byte budget is spent, then fails like a full disk or a killed process.</summary>
    private sealed class FailingAfterBytes(Stream inner, long failAfter) : Stream
    {
        private long _written;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _written;
        public override long Position { get => _written; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            long room = failAfter - _written;
            if (buffer.Length > room)
            {
                inner.Write(buffer[..(int)Math.Max(room, 0)]);
                _written = failAfter;
                inner.Flush();
                throw new IOException("simulated crash in the middle of a checkpoint write");
            }
            inner.Write(buffer);
            _written += buffer.Length;
        }
    }
}
