namespace HardNegRules.Data.Captions;

/// <summary>
/// Streams the captions of a COCO captions JSON ({"images": [{"id", "file_name"}], "annotations": [{"id", "image_id",
/// "caption"}]}) record by record, each with its image's file name. COCO's own files put "images" first: one pass reads
/// the image map, then hands out annotations as they come. When "annotations" comes first, the first pass skips them
/// (token by token, holding nothing) to reach "images", and a second pass reads them. Memory is bounded by the read
/// buffer and the image map, never by the number of captions.
/// </summary>
internal static class CocoCaptionReader
{
    /// <summary>The captions in file order.</summary>
    /// <param name="path">The COCO JSON file.</param>
    /// <param name="onError">Receives each unreadable annotation (with its index and line) and a malformed file.</param>
    /// <returns>The captions, streamed.</returns>
    public static IEnumerable<CaptionRecord> Read(string path, Action<CaptionReadError> onError)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var records = new List<CaptionRecord>();
        bool secondPass;
        using (var first = new CocoJsonScanner(path, files, annotationsWanted: false, onError))
        {
            while (first.Next(records))
            {
                foreach (CaptionRecord record in records)
                {
                    yield return record;
                }

                records.Clear();
            }

            if (!first.AnnotationsFound && !first.Failed)
            {
                onError(new CaptionReadError(path, 1, "a COCO captions file needs an \"annotations\" array"));
            }

            secondPass = first.AnnotationsSkipped;
        }

        if (!secondPass)
        {
            yield break;
        }

        using var second = new CocoJsonScanner(path, files, annotationsWanted: true, onError);
        while (second.Next(records))
        {
            foreach (CaptionRecord record in records)
            {
                yield return record;
            }

            records.Clear();
        }
    }
}
