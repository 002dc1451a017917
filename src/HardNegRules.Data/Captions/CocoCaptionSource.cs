using HardNegRules.Negatives;

namespace HardNegRules.Data.Captions;

/// <summary>
/// The captions of a COCO captions JSON ({"images": [{"id", "file_name"}], "annotations": [{"id", "image_id",
/// "caption"}]}) as UTF-8 batches, each record with its image's file name. COCO's own files put "images" first: one
/// pass reads the image map, then hands out annotations as they come. When "annotations" comes first, the first pass
/// skips them (token by token, holding nothing) to reach "images", and a second pass reads them. Memory is bounded by
/// the read buffer and the image map, never by the number of captions.
/// </summary>
internal sealed class CocoCaptionSource : ICaptionSource
{
    private readonly string _path;
    private readonly Action<CaptionReadError> _onError;
    private readonly CocoImageFiles _files = new();
    private CocoJsonScanner? _scanner;
    private bool _second;
    private long _unreadableBefore;

    public CocoCaptionSource(string path, Action<CaptionReadError> onError)
    {
        _path = path;
        _onError = onError;
        _scanner = new CocoJsonScanner(path, _files, annotationsWanted: false, onError);
    }

    public long Unreadable => _unreadableBefore + (_scanner?.Unreadable ?? 0);

    public bool Fill(CaptionBatch batch)
    {
        int before = batch.Count;
        batch.ImageFiles = _files;
        while (_scanner is not null && !batch.IsFull)
        {
            if (_scanner.Next(batch) && batch.IsFull)
            {
                break;
            }

            if (!_scanner.Done)
            {
                continue;
            }

            CocoJsonScanner finished = _scanner;
            _unreadableBefore += finished.Unreadable;
            finished.Dispose();
            _scanner = null;
            if (!_second && !finished.AnnotationsFound)
            {
                throw new CaptionInputException(
                    $"{_path}: no \"annotations\" array; a COCO captions file is {{\"images\": [...], \"annotations\": [{{\"id\", \"image_id\", \"caption\"}}]}}. Nothing was written.");
            }

            if (!_second && finished.AnnotationsSkipped)
            {
                // The annotations came before "images": now that the map is complete, read them.
                _second = true;
                _scanner = new CocoJsonScanner(_path, _files, annotationsWanted: true, _onError);
            }
        }

        return batch.Count > before;
    }

    public void Dispose() => _scanner?.Dispose();
}
