using System.Runtime.CompilerServices;
using System.Text.Json;
using HardNegRules.Negatives;

namespace HardNegRules.Data.Captions;

/// <summary>
/// The fields of one caption record as its reader finds them (a JSONL line, a COCO annotation, the fast scanner's
/// plain element), as ranges of the batch's bytes: every reader sets them by name and commits them alike. The last of
/// duplicated names wins; <c>image_id</c> wins over <c>image</c> and <c>filepath</c> over <c>file_name</c>.
/// </summary>
internal struct CaptionRecordFields
{
    private ByteRange _id;
    private ByteRange _imageId;
    private ByteRange _image;
    private ByteRange _filepath;
    private ByteRange _fileName;
    private bool _idIsNumber;
    private bool _imageIdSeen;
    private bool _filepathSeen;

    /// <summary>A record of which no field has been read yet.</summary>
    public CaptionRecordFields()
    {
        Caption = _id = _imageId = _image = _filepath = _fileName = ByteRange.None;
        _idIsNumber = true;
    }

    /// <summary>The caption, trimmed of white space; none when absent or not a string.</summary>
    public ByteRange Caption { get; private set; }

    /// <summary>Whether a "caption" field held something other than a string.</summary>
    public bool CaptionInvalid { get; private set; }

    /// <summary>Whether the "id" field held something other than a number or a string.</summary>
    public bool IdInvalid { get; private set; }

    /// <summary>Whether the record has an id (else the caller numbers it).</summary>
    public readonly bool HasId => !_id.IsNone;

    /// <summary>The ranges of every field, for checking that they are valid UTF-8.</summary>
    /// <returns>The ranges.</returns>
    public readonly ByteRange[] Ranges() => [Caption, _id, _imageId, _image, _filepath, _fileName];

    /// <summary>Copies the value the reader is on into the batch as the field <paramref name="name"/>, when the record
    /// has such a field.</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="reader">A reader on the field's value.</param>
    /// <param name="batch">The batch the record goes into.</param>
    /// <returns>False for a field caption records do not use (the value is left to the caller).</returns>
    /// <exception cref="InvalidOperationException">A string escape is not valid text.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryRead(JsonField name, ref Utf8JsonReader reader, CaptionBatch batch)
    {
        if (name == JsonField.Other)
        {
            return false;
        }

        bool isString = reader.TokenType == JsonTokenType.String;
        bool isScalar = isString || reader.TokenType == JsonTokenType.Number;
        Set(name, isScalar ? LineCaptionSource.Scalar(ref reader, batch) : ByteRange.None, isString, isScalar, batch);
        return true;
    }

    /// <summary>Sets the field <paramref name="name"/> to a value already in the batch.</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="value">The value's bytes (a string's unescaped text or a number's), none when not a scalar.</param>
    /// <param name="isString">Whether the value is a string.</param>
    /// <param name="isScalar">Whether the value is a string or a number.</param>
    /// <param name="batch">The batch holding the value.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Set(JsonField name, ByteRange value, bool isString, bool isScalar, CaptionBatch batch)
    {
        switch (name)
        {
            case JsonField.Caption:
                CaptionInvalid = !isString;
                Caption = isString ? Trimmed(value, batch) : ByteRange.None;
                break;
            case JsonField.Id:
                IdInvalid = !isScalar;
                _idIsNumber = !isString;
                _id = isScalar ? value : ByteRange.None;
                break;
            case JsonField.ImageId:
                _imageIdSeen = true;
                _imageId = value;
                break;
            case JsonField.Image:
                _image = value;
                break;
            case JsonField.Filepath:
                _filepathSeen = true;
                _filepath = isString ? value : ByteRange.None;
                break;
            case JsonField.FileName:
                _fileName = isString ? value : ByteRange.None;
                break;
            default:
                break;
        }
    }

    /// <summary>Adds the record to the batch; a record without an id gets the number the caller gives.</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="number">The record's number (its line or index), its id when it has none.</param>
    public void Commit(CaptionBatch batch, long number)
    {
        if (_id.IsNone)
        {
            _ = System.Buffers.Text.Utf8Formatter.TryFormat(number, batch.Reserve(20), out int written);
            _id = batch.Advance(written);
            _idIsNumber = true;
        }

        batch.Commit(_id, _idIsNumber, Caption, _imageIdSeen ? _imageId : _image, _filepathSeen ? _filepath : _fileName);
    }

    private static ByteRange Trimmed(ByteRange raw, CaptionBatch batch)
    {
        ReadOnlySpan<byte> trimmed = Utf8Text.Trim(batch.Bytes(raw), out int lead);
        return new ByteRange(raw.Start + lead, trimmed.Length);
    }
}
