using HardNegRules.Data.IO;

namespace HardNegRules.Data.Tests.IO;

/// <summary>
/// A file written through <see cref="WritebackStream"/> holds exactly what was written, by every kind of write and seek,
/// and on Linux the stream asks for the data to go to disk once per interval written.
/// </summary>
public class WritebackStreamTests
{
    private string _dir = string.Empty;

    [SetUp]
    public void CreateDirectory()
    {
        _dir = Path.Combine(Path.GetTempPath(), "hardneg-writeback-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task Every_kind_of_write_and_seek_lands_as_written_and_writeback_is_asked_once_per_interval()
    {
        var random = new Random(7);
        byte[] expected = new byte[(int)(2.5 * WritebackStream.Interval)];
        random.NextBytes(expected);
        string path = Path.Combine(_dir, "out.bin");
        int requests;
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            var stream = new WritebackStream(file);
            // A header left empty, written last after a seek back (as the safetensors writer may).
            stream.Write(new byte[16]);
            int at = 16;
            while (at < expected.Length)
            {
                int length = Math.Min(random.Next(1, 300_000), expected.Length - at);
                switch (random.Next(4))
                {
                    case 0:
                        stream.Write(expected.AsSpan(at, length));
                        break;
                    case 1:
                        stream.Write(expected, at, length);
                        break;
                    case 2:
                        await stream.WriteAsync(expected.AsMemory(at, length));
                        break;
                    default:
                        length = 1;
                        stream.WriteByte(expected[at]);
                        break;
                }

                at += length;
            }

            Assert.That(stream.Position, Is.EqualTo(expected.Length));
            stream.Seek(0, SeekOrigin.Begin);
            stream.Write(expected.AsSpan(0, 16));
            stream.Flush();
            requests = stream.Requests;
        }

        // Compared as spans: NUnit's element-by-element comparison of 20 MB takes seconds.
        Assert.That(File.ReadAllBytes(path).AsSpan().SequenceEqual(expected), Is.True, "the file holds what was written");
        Assert.That(requests, Is.EqualTo(OperatingSystem.IsLinux() ? 2 : 0), "one request per interval written");
    }

    [Test]
    public void An_atomic_write_of_several_intervals_replaces_the_target_whole()
    {
        string path = Path.Combine(_dir, "big.bin");
        File.WriteAllText(path, "previous");
        byte[] content = new byte[(3 * WritebackStream.Interval) + 5];
        new Random(3).NextBytes(content);

        AtomicFile.Write(path, stream =>
        {
            for (int at = 0; at < content.Length; at += 1 << 20)
            {
                stream.Write(content.AsSpan(at, Math.Min(1 << 20, content.Length - at)));
            }
        });

        Assert.That(File.ReadAllBytes(path).AsSpan().SequenceEqual(content), Is.True, "the file holds what was written");
        Assert.That(Directory.GetFiles(_dir), Is.EqualTo(new[] { path }), "no temporary file left beside it");
    }
}
