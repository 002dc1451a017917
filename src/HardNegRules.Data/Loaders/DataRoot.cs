namespace HardNegRules.Data.Loaders;

/// <summary>
/// The folder a data file's paths are relative to, and the one place they are resolved. A path written in a data file
/// (COCO's <c>file_name</c>, a CSV's <c>filepath</c>, ...) must stay inside that folder: <c>../../etc/passwd</c>, an
/// absolute path or a link that points outside is refused with a reason, so a downloaded annotation file cannot make
/// the tool read (or train on) other files. Absolute paths are allowed only when asked for
/// (<c>data.allow-absolute-paths: true</c>).
/// </summary>
public sealed class DataRoot
{
    private const int MaxLinkHops = 40;
    private readonly string? _folder;
    private readonly string _real;

    /// <summary>Creates a root.</summary>
    /// <param name="folder">The folder paths are relative to; null for the working folder, with paths kept as written.</param>
    /// <param name="allowAbsolutePaths">Accept absolute paths (they are then not confined to the folder).</param>
    public DataRoot(string? folder, bool allowAbsolutePaths = false)
    {
        _folder = folder;
        AllowAbsolutePaths = allowAbsolutePaths;
        _real = RealPath(Path.GetFullPath(string.IsNullOrEmpty(folder) ? "." : folder));
    }

    /// <summary>Whether absolute paths are accepted.</summary>
    public bool AllowAbsolutePaths { get; }

    /// <summary>The folder, with links resolved.</summary>
    public string RealFolder => _real;

    /// <summary>Resolves a path written in a data file.</summary>
    /// <param name="written">The path as the file writes it.</param>
    /// <param name="problem">Why it was refused, or null.</param>
    /// <returns>The path to open (the folder joined with <paramref name="written"/>), or null when refused.</returns>
    public string? Resolve(string written, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(written);
        problem = null;
        string path = written.Trim();
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            problem = path.Length == 0 ? "empty path" : $"path '{written}' holds a NUL character";
            return null;
        }

        if (Path.IsPathRooted(path))
        {
            if (AllowAbsolutePaths)
            {
                return path;
            }

            problem = $"absolute path '{written}' is not allowed: paths in a data file are relative to {Where()}; set data.allow-absolute-paths: true to accept absolute paths";
            return null;
        }

        string full = Path.GetFullPath(Path.Combine(_real, path));
        if (!IsInside(full, _real))
        {
            problem = $"path '{written}' leaves {Where()}; it is skipped";
            return null;
        }

        string real = RealPath(full);
        if (!IsInside(real, _real))
        {
            problem = $"path '{written}' is a link to '{real}', outside {Where()}; it is skipped";
            return null;
        }

        return string.IsNullOrEmpty(_folder) ? path : Path.Combine(_folder, path);
    }

    private string Where() => string.IsNullOrEmpty(_folder) ? $"the working folder ({_real})" : $"the data folder '{_folder}'";

    private static bool IsInside(string path, string root) =>
        string.Equals(path, root, StringComparison.Ordinal) ||
        path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>
    /// The path with every link resolved, as realpath(3) gives it, up to the first part that does not exist (the rest is
    /// kept as written): a link inside the folder that points out of it must not pass.
    /// </summary>
    private static string RealPath(string full)
    {
        string root = Path.GetPathRoot(full) ?? "/";
        var pending = new Stack<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        string current = root;
        int hops = 0;
        while (pending.Count > 0)
        {
            string part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }

            string next = Path.Combine(current, part);
            string? target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                if (!Path.Exists(next))
                {
                    // Nothing more on disk to resolve: the rest stays as written.
                    return Path.GetFullPath(string.Join(Path.DirectorySeparatorChar, [next, .. pending]));
                }

                current = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return next;
            }

            string absolute = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
            string targetRoot = Path.GetPathRoot(absolute) ?? root;
            foreach (string targetPart in absolute[targetRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(targetPart);
            }

            current = targetRoot;
        }

        return current;
    }
}
