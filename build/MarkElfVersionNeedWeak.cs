// Inline MSBuild task (compiled by RoslynCodeTaskFactory from build/TorchSharp.Debian.targets): marks one symbol-version
// need of an ELF64 little-endian shared library as weak, so the dynamic loader accepts a library that lacks that version.
//
// Layout used (System V gABI + GNU symbol versioning, all fields little-endian on x86-64):
//   ELF header:      e_shoff (u64) at 0x28, e_shentsize (u16) at 0x3A, e_shnum (u16) at 0x3C
//   section header:  sh_type (u32) at +4, sh_offset (u64) at +24, sh_size (u64) at +32, sh_link (u32) at +40,
//                    sh_info (u32) at +44 (for .gnu.version_r: the number of Elf64_Verneed entries)
//   Elf64_Verneed:   vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32        (offsets relative to entry)
//   Elf64_Vernaux:   vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32  (offsets relative to entry)
// The version names are offsets into the string table named by sh_link of the .gnu.version_r section (.dynstr).
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class MarkElfVersionNeedWeak : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string VersionName { get; set; } = "";

    public override bool Execute()
    {
        foreach (ITaskItem item in Files)
        {
            string path = item.GetMetadata("FullPath");
            try
            {
                PatchFile(path);
            }
            catch (Exception ex) when (ex is IOException || ex is InvalidDataException || ex is UnauthorizedAccessException)
            {
                Log.LogError("Could not mark {0} as a weak version need in {1}: {2}", VersionName, path, ex.Message);
            }
        }
        return !Log.HasLoggedErrors;
    }

    private void PatchFile(string path)
    {
        byte[] image = File.ReadAllBytes(path);
        int flagsOffset = FindVernauxFlagsOffset(image, VersionName);
        if (flagsOffset < 0)
        {
            Log.LogMessage(MessageImportance.Low, "{0}: no need for {1}; nothing to patch.", path, VersionName);
            return;
        }

        ushort flags = ReadU16(image, flagsOffset);
        if ((flags & VerFlgWeak) != 0)
        {
            Log.LogMessage(MessageImportance.Low, "{0}: {1} is already weak.", path, VersionName);
            return;
        }

        WriteU16(image, flagsOffset, (ushort)(flags | VerFlgWeak));

        // Write a new file and move it over the old one rather than patching in place: the output copy could be a hard
        // link into the NuGet cache (CreateHardLinksForCopyLocalIfPossible), which must stay pristine, and a build
        // interrupted midway must not leave a half-written library behind.
        string temporary = path + ".weak-glibcxx.tmp";
        File.WriteAllBytes(temporary, image);
        // File.Replace is a rename(2) on Unix (the task compiles against netstandard, which lacks File.Move's overwrite).
        File.Replace(temporary, path, destinationBackupFileName: null);
        Log.LogMessage(MessageImportance.Normal, "{0}: marked the need for {1} as weak.", path, VersionName);
    }

    /// Returns the file offset of vna_flags of the Elf64_Vernaux named <paramref name="versionName"/>, or -1.
    private static int FindVernauxFlagsOffset(byte[] image, string versionName)
    {
        bool isElf64LittleEndian = image.Length > 0x40
            && image[0] == 0x7f && image[1] == (byte)'E' && image[2] == (byte)'L' && image[3] == (byte)'F'
            && image[4] == 2 /* ELFCLASS64 */ && image[5] == 1 /* ELFDATA2LSB */;
        if (!isElf64LittleEndian)
        {
            throw new InvalidDataException("not an ELF64 little-endian file");
        }

        long sectionTable = checked((long)ReadU64(image, 0x28));
        int sectionEntrySize = ReadU16(image, 0x3A);
        int sectionCount = ReadU16(image, 0x3C);

        for (int s = 0; s < sectionCount; s++)
        {
            int header = checked((int)(sectionTable + (long)s * sectionEntrySize));
            if (ReadU32(image, header + 4) != ShtGnuVerneed)
            {
                continue;
            }

            int verneed = checked((int)ReadU64(image, header + 24));
            uint verneedCount = ReadU32(image, header + 44);
            int stringTableHeader = checked((int)(sectionTable + (long)ReadU32(image, header + 40) * sectionEntrySize));
            int stringTable = checked((int)ReadU64(image, stringTableHeader + 24));

            int entry = verneed;
            for (uint n = 0; n < verneedCount; n++)
            {
                int auxCount = ReadU16(image, entry + 2);
                int aux = entry + (int)ReadU32(image, entry + 8);
                for (int a = 0; a < auxCount; a++)
                {
                    string name = ReadCString(image, stringTable + (int)ReadU32(image, aux + 8));
                    if (name == versionName)
                    {
                        return aux + 4;
                    }
                    aux += (int)ReadU32(image, aux + 12);
                }
                entry += (int)ReadU32(image, entry + 12);
            }
        }
        return -1;
    }

    private static ushort ReadU16(byte[] b, int at) => (ushort)(b[at] | b[at + 1] << 8);

    private static uint ReadU32(byte[] b, int at) => (uint)(b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24);

    private static ulong ReadU64(byte[] b, int at) => ReadU32(b, at) | (ulong)ReadU32(b, at + 4) << 32;

    private static void WriteU16(byte[] b, int at, ushort value)
    {
        b[at] = (byte)value;
        b[at + 1] = (byte)(value >> 8);
    }

    private static string ReadCString(byte[] b, int at)
    {
        int end = Array.IndexOf(b, (byte)0, at);
        if (end < 0)
        {
            throw new InvalidDataException("unterminated string in the ELF string table");
        }
        return Encoding.ASCII.GetString(b, at, end - at);
    }
}
