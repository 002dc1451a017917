using HardNegRules.IO;

namespace HardNegRules.Data.Loaders;

/// <summary>The lines of a file of one record per line: blank lines are passed over, the others keep their number
/// (from 1) for the reports of records that cannot be read.</summary>
internal static class RecordLines
{
    /// <summary>The non-blank lines of a regular file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Each line with its number.</returns>
    public static IEnumerable<(long Number, string Text)> Read(string path)
    {
        long number = 0;
        foreach (string text in InputFile.ReadLines(path))
        {
            number++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                yield return (number, text);
            }
        }
    }
}
