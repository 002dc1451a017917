namespace HardNegRules.Data.Captions;

/// <summary>Bounds that keep a hostile or broken captions file from taking the memory of the machine.</summary>
public static class CaptionLimits
{
    /// <summary>The longest record read (a line, or one COCO element): 1 MiB. Longer lines are reported and skipped.</summary>
    public const int MaxRecordBytes = 1 << 20;

    /// <summary>The bytes at the start of a file checked to tell text from other data.</summary>
    public const int SniffBytes = 1 << 16;

    /// <summary>
    /// The share of those bytes that may be control characters or invalid UTF-8 in a text file (random bytes have about
    /// half); a file over it (with at least 8 such bytes), or with a NUL byte, is refused as not text. Fewer bad bytes are
    /// reported record by record.
    /// </summary>
    public const double MaxNonTextShare = 0.10;
}
