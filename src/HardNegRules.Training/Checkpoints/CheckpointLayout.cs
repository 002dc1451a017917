using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace HardNegRules.Training.Checkpoints;

/// <summary>
/// The byte layout of a checkpoint file (format 2):
/// <code>
/// "HNRCKPT2"                                  8 bytes: magic and format version
/// state | model | optimizer                   the sections, back to back
/// section table: int32 count, then per section a 16-byte ASCII name, int64 offset, int64 length, uint64 XxHash3
/// uint64 XxHash3 of the section table, int64 offset of the table, "HNRCKEND"   24 bytes
/// </code>
/// The table sits at the end so that sections stream to disk without being buffered; a reader finds it from the
/// file's last bytes. Every byte is covered: the header and the end marker by comparison, the table and each section
/// by a checksum, and the offsets by the rule that sections follow each other from the header to the table.
/// All integers are little-endian.
/// </summary>
internal static class CheckpointLayout
{
    /// <summary>The format written and read.</summary>
    public const int FormatVersion = 2;

    /// <summary>Bytes before the first section.</summary>
    public const int HeaderBytes = 8;

    /// <summary>The sections, in file order.</summary>
    public static readonly IReadOnlyList<string> SectionNames = ["state", "model", "optimizer"];

    /// <summary>The name used for the section table in messages.</summary>
    public const string TableName = "section table";

    private const int NameBytes = 16;
    private const int EntryBytes = NameBytes + 8 + 8 + 8;
    private const int TrailerBytes = 8 + 8 + 8;

    /// <summary>The magic bytes of this format.</summary>
    public static ReadOnlySpan<byte> Magic => "HNRCKPT2"u8;

    private static ReadOnlySpan<byte> MagicPrefix => "HNRCKPT"u8;

    private static ReadOnlySpan<byte> EndMagic => "HNRCKEND"u8;

    /// <summary>Writes the section table and the trailer.</summary>
    /// <param name="stream">The file, positioned after the last section.</param>
    /// <param name="sections">The sections written.</param>
    /// <param name="tableOffset">The stream position of the table.</param>
    public static void WriteTable(Stream stream, IReadOnlyList<CheckpointSection> sections, long tableOffset)
    {
        byte[] table = new byte[4 + (sections.Count * EntryBytes)];
        BinaryPrimitives.WriteInt32LittleEndian(table, sections.Count);
        for (int i = 0; i < sections.Count; i++)
        {
            Span<byte> entry = table.AsSpan(4 + (i * EntryBytes), EntryBytes);
            Encoding.ASCII.GetBytes(sections[i].Name, entry[..NameBytes]);
            BinaryPrimitives.WriteInt64LittleEndian(entry[NameBytes..], sections[i].Offset);
            BinaryPrimitives.WriteInt64LittleEndian(entry[(NameBytes + 8)..], sections[i].Length);
            BinaryPrimitives.WriteUInt64LittleEndian(entry[(NameBytes + 16)..], sections[i].Checksum);
        }
        stream.Write(table);
        Span<byte> trailer = stackalloc byte[TrailerBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(trailer, XxHash3.HashToUInt64(table));
        BinaryPrimitives.WriteInt64LittleEndian(trailer[8..], tableOffset);
        EndMagic.CopyTo(trailer[16..]);
        stream.Write(trailer);
    }

    /// <summary>Reads and checks the header, the trailer and the section table (not the sections' checksums).</summary>
    /// <param name="file">The checkpoint file.</param>
    /// <param name="path">Its path, for messages.</param>
    /// <returns>The sections, in <see cref="SectionNames"/> order.</returns>
    /// <exception cref="CheckpointException">The file is not a checkpoint of this format, or is cut off or damaged.</exception>
    public static IReadOnlyList<CheckpointSection> ReadTable(FileStream file, string path)
    {
        long length = file.Length;
        if (length == 0)
        {
            throw new CheckpointException(path, null, $"{path} is empty (0 bytes): not a checkpoint, or its write was cut off.");
        }
        Span<byte> header = stackalloc byte[HeaderBytes];
        int read = ReadAt(file, 0, header);
        if (read < MagicPrefix.Length || !header.StartsWith(MagicPrefix))
        {
            throw new CheckpointException(path, null,
                $"{path} is not a HardNegRules checkpoint (it does not start with the checkpoint header).");
        }
        if (read < HeaderBytes || !header.SequenceEqual(Magic))
        {
            string version = read < HeaderBytes ? "?" : ((char)header[HeaderBytes - 1]).ToString();
            throw new CheckpointException(path, null,
                $"{path} is a checkpoint of format {version}; this hardneg reads format {FormatVersion} (with checksums): train again, or use the hardneg that wrote it.");
        }
        if (length < HeaderBytes + 4 + TrailerBytes)
        {
            throw new CheckpointException(path, TableName, $"{path} is cut off ({length:N0} bytes): its section table is missing.");
        }

        Span<byte> trailer = stackalloc byte[TrailerBytes];
        ReadAt(file, length - TrailerBytes, trailer);
        if (!trailer[16..].SequenceEqual(EndMagic))
        {
            throw new CheckpointException(path, TableName,
                $"{path} is cut off or damaged at its end ({length:N0} bytes, no end marker): its section table cannot be found.");
        }
        ulong tableChecksum = BinaryPrimitives.ReadUInt64LittleEndian(trailer);
        long tableOffset = BinaryPrimitives.ReadInt64LittleEndian(trailer[8..]);
        long tableLength = length - TrailerBytes - tableOffset;
        if (tableOffset < HeaderBytes || tableLength != 4 + (SectionNames.Count * EntryBytes))
        {
            throw Damaged(path, TableName, "its position or size is wrong");
        }
        byte[] table = new byte[tableLength];
        ReadAt(file, tableOffset, table);
        if (XxHash3.HashToUInt64(table) != tableChecksum)
        {
            throw Damaged(path, TableName, "checksum mismatch");
        }
        if (BinaryPrimitives.ReadInt32LittleEndian(table) != SectionNames.Count)
        {
            throw Damaged(path, TableName, "wrong number of sections");
        }

        var sections = new List<CheckpointSection>(SectionNames.Count);
        long expectedOffset = HeaderBytes;
        for (int i = 0; i < SectionNames.Count; i++)
        {
            ReadOnlySpan<byte> entry = table.AsSpan(4 + (i * EntryBytes), EntryBytes);
            string name = Encoding.ASCII.GetString(entry[..NameBytes]).TrimEnd('\0');
            long offset = BinaryPrimitives.ReadInt64LittleEndian(entry[NameBytes..]);
            long sectionLength = BinaryPrimitives.ReadInt64LittleEndian(entry[(NameBytes + 8)..]);
            ulong checksum = BinaryPrimitives.ReadUInt64LittleEndian(entry[(NameBytes + 16)..]);
            if (name != SectionNames[i] || offset != expectedOffset || sectionLength < 0 || sectionLength > tableOffset - offset)
            {
                throw Damaged(path, TableName, $"entry {i + 1} does not describe the '{SectionNames[i]}' section");
            }
            sections.Add(new CheckpointSection(name, offset, sectionLength, checksum));
            expectedOffset = offset + sectionLength;
        }
        if (expectedOffset != tableOffset)
        {
            throw Damaged(path, TableName, "the sections do not end where the table starts");
        }
        return sections;
    }

    /// <summary>Checks a section's bytes against its checksum.</summary>
    /// <param name="file">The checkpoint file.</param>
    /// <param name="path">Its path, for messages.</param>
    /// <param name="section">The section.</param>
    /// <exception cref="CheckpointException">The checksum does not match.</exception>
    public static void Verify(FileStream file, string path, CheckpointSection section)
    {
        var hash = new XxHash3();
        byte[] buffer = new byte[1 << 20];
        file.Position = section.Offset;
        long left = section.Length;
        while (left > 0)
        {
            int read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                throw Damaged(path, section.Name, "the file ends inside it");
            }
            hash.Append(buffer.AsSpan(0, read));
            left -= read;
        }
        if (hash.GetCurrentHashAsUInt64() != section.Checksum)
        {
            throw Damaged(path, section.Name,
                $"checksum mismatch over bytes {section.Offset:N0} to {section.Offset + section.Length:N0}");
        }
    }

    private static CheckpointException Damaged(string path, string section, string why) =>
        new(path, section, $"{path}: the {(section == TableName ? section : $"'{section}' section")} is damaged ({why}).");

    private static int ReadAt(FileStream file, long offset, Span<byte> buffer)
    {
        file.Position = offset;
        int total = 0;
        while (total < buffer.Length)
        {
            int read = file.Read(buffer[total..]);
            if (read == 0)
            {
                break;
            }
            total += read;
        }
        return total;
    }
}
