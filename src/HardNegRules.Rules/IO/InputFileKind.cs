namespace HardNegRules.IO;

/// <summary>What a path names, as far as reading it is concerned.</summary>
public enum InputFileKind
{
    /// <summary>Nothing: the path does not exist (or a link points nowhere).</summary>
    Missing,

    /// <summary>A regular file: the only kind that is read.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A named pipe: opening it waits for a writer, possibly forever.</summary>
    Fifo,

    /// <summary>A character device (<c>/dev/zero</c>, a terminal): may never end.</summary>
    CharacterDevice,

    /// <summary>A block device (a disk).</summary>
    BlockDevice,

    /// <summary>A Unix domain socket.</summary>
    Socket,
}
