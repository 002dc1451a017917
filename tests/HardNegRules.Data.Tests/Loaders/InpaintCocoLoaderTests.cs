using HardNegRules.Data.Loaders;
using Parquet;
using Parquet.Schema;

namespace HardNegRules.Data.Tests.Loaders;

public class InpaintCocoLoaderTests : LoaderTestFiles
{
    private static byte[] Jpeg(string name) => File.ReadAllBytes(Path.Combine(CocoImages, name));

    /// <summary>Writes an InpaintCOCO-shaped parquet file; images as HF's {bytes, path} struct or as plain binary.</summary>
    private static async Task WriteParquetAsync(string path, bool imagesAsStruct, string?[] concepts, string?[] cocoCaptions, byte[]?[] inpaintImages)
    {
        int rows = concepts.Length;
        byte[] coco = Jpeg("000000117645.jpg");
        Field Image(string name) => imagesAsStruct
            ? new StructField(name, new DataField<byte[]>("bytes"), new DataField<string>("path"))
            : new DataField<byte[]>(name);
        var schema = new ParquetSchema(
            new DataField<string>("concept"), new DataField<string>("coco_caption"), Image("coco_image"),
            new DataField<string>("inpaint_caption"), Image("inpaint_image"), Image("mask"),
            new DataField<string>("worker"), new DataField<string>("coco_details"), new DataField<string>("inpaint_details"));
        var columns = new List<object>
        {
            concepts, cocoCaptions, Enumerable.Repeat<byte[]?>(coco, rows).ToArray(),
            Enumerable.Range(0, rows).Select(i => $"inpainted caption {i}").ToArray<string?>(), inpaintImages,
            Enumerable.Repeat<byte[]?>(coco[..100], rows).ToArray(), Enumerable.Repeat<string?>("w1", rows).ToArray(),
            Enumerable.Repeat<string?>("{\"id\": 117645}", rows).ToArray(), Enumerable.Repeat<string?>("{}", rows).ToArray(),
        };
        await using FileStream stream = File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream);
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        DataField[] fields = schema.GetDataFields();
        int f = 0;
        foreach (object column in columns)
        {
            switch (column)
            {
                case string?[] text:
                    await group.WriteAsync(fields[f++], text);
                    break;
                case byte[]?[] images:
                    await group.WriteAsync(fields[f++], images);
                    if (imagesAsStruct)
                    {
                        await group.WriteAsync(fields[f++], images.Select((_, i) => (string?)$"{i}.jpg").ToArray());
                    }

                    break;
            }
        }
    }

    private static async Task<List<InpaintCocoRecord>> ReadAllAsync(string path, DataLoadReport report)
    {
        var records = new List<InpaintCocoRecord>();
        await foreach (InpaintCocoRecord record in InpaintCocoLoader.ReadAsync(path, report))
        {
            records.Add(record);
        }

        return records;
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Rows_become_caption_image_pairs_with_images_in_memory(bool imagesAsStruct)
    {
        string path = Path.Combine(Dir, "test.parquet");
        byte[] inpainted = Jpeg("000000135561.jpg");
        await WriteParquetAsync(path, imagesAsStruct, ["color", "object", "size"],
            ["A red bus.", "A dog on a couch.", "A small cat."], [inpainted, inpainted, inpainted]);
        var report = new DataLoadReport();
        List<InpaintCocoRecord> records = await ReadAllAsync(path, report);

        Assert.That(report.Errors, Is.Empty);
        Assert.That(records.Select(r => (r.Index, r.Concept, r.Original.Caption, r.Inpainted.Caption)), Is.EqualTo(new[]
        {
            (0L, "color", "A red bus.", "inpainted caption 0"), (1L, "object", "A dog on a couch.", "inpainted caption 1"),
            (2L, "size", "A small cat.", "inpainted caption 2"),
        }));
        Assert.That(records[0].Inpainted.Image.Bytes, Is.EqualTo(inpainted));
        Assert.That(records[0].Inpainted.Image.Name, Is.EqualTo(imagesAsStruct ? "0.jpg" : null));
        Assert.That((records[0].Worker, records[0].CocoDetails), Is.EqualTo(("w1", "{\"id\": 117645}")));
        using var image = new SafeImageLoader().Load(records[2].Inpainted.Image).Image;
        Assert.That(image!.Width, Is.EqualTo(640));
        Assert.That(new SafeImageLoader().Load(records[0].Mask!).Error, Does.StartWith("corrupt image"), "the test's mask is a cut-off JPEG");
    }

    [Test]
    public async Task Rows_without_caption_or_image_are_reported_by_index()
    {
        string path = Path.Combine(Dir, "bad.parquet");
        byte[] inpainted = Jpeg("000000135561.jpg");
        await WriteParquetAsync(path, true, ["color", null, "size", "object"], ["A red bus.", "x", "  ", "A dog."], [inpainted, inpainted, inpainted, null]);
        var report = new DataLoadReport();
        List<InpaintCocoRecord> records = await ReadAllAsync(path, report);

        Assert.That(records.Select(r => (r.Index, r.Concept, r.Original.Caption)).ToArray(), Is.EqualTo(new[] { (0L, "color", "A red bus.") }), string.Join("\n", report.Errors));
        Assert.That(report.Errors.Select(e => (e.Record, e.Message)), Is.EqualTo(new (long?, string)[]
        {
            (1, "row 1: empty concept"), (2, "row 2: empty coco_caption"), (3, "row 3: no inpaint_image bytes"),
        }));
    }

    [Test]
    public async Task A_file_that_is_not_parquet_or_lacks_columns_is_one_error()
    {
        var report = new DataLoadReport();
        Assert.That(await ReadAllAsync(Write("x.parquet", "not parquet at all"), report), Is.Empty);
        string other = Path.Combine(Dir, "other.parquet");
        await using (FileStream stream = File.Create(other))
        {
            var schema = new ParquetSchema(new DataField<string>("caption"));
            await using ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream);
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            await group.WriteAsync(schema.GetDataFields()[0], new string?[] { "a" });
        }

        Assert.That(await ReadAllAsync(other, report), Is.Empty);
        Assert.That(report.Errors[0].Message, Does.StartWith("not a readable parquet file"));
        Assert.That(report.Errors[1].Message, Does.StartWith("not an InpaintCOCO file: no concept, coco_caption, inpaint_caption, coco_image, inpaint_image column"));
    }
}
