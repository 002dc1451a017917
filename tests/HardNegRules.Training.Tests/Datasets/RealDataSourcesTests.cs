using HardNegRules.Data.Loaders;
using HardNegRules.Training.Datasets;
using HardNegRules.Training.Presets;
using Parquet;
using Parquet.Schema;

namespace HardNegRules.Training.Tests.Datasets;

public class RealDataSourcesTests
{
    private static Preset Custom(params string[] overrides) => PresetCatalog.Load("custom", ["data.validation-fraction=0.25", .. overrides]);

    private static void WritePngs(TempDirectory dir, int count)
    {
        for (int i = 0; i < count; i++)
        {
            RealDataFiles.WritePng(dir.File($"img{i}.png"), 8, 8, i);
        }
    }

    [Test]
    public void A_tsv_with_other_column_names_reads_paths_beside_the_file()
    {
        using var dir = new TempDirectory();
        WritePngs(dir, 4);
        File.WriteAllLines(dir.File("train.tsv"), ["caption\tpath", .. Enumerable.Range(0, 4).Select(i => $"a red car {i}\timg{i}.png")]);

        RealDataSplits splits = RealDataReader.Read(Custom($"data.captions={dir.File("train.tsv")}", "data.source=tsv", "data.image-column=path", "data.caption-column=caption"));

        Assert.That(splits.Train.Concat(splits.HeldOut).Select(p => Path.GetFileName(p.Image.Path)).Order(), Is.EqualTo(new[] { "img0.png", "img1.png", "img2.png", "img3.png" }));
        Assert.That(splits.HeldOut, Has.Count.EqualTo(1));
        Assert.That(splits.Negatives, Is.Null);
    }

    [Test]
    public void Jsonl_and_image_folder_read_the_same_lines()
    {
        using var dir = new TempDirectory();
        WritePngs(dir, 4);
        File.WriteAllLines(dir.File("captions.jsonl"), Enumerable.Range(0, 4).Select(i => $"{{\"file_name\": \"img{i}.png\", \"captions\": [\"a cat {i}\", \"a dog {i}\"]}}"));

        RealDataSplits jsonl = RealDataReader.Read(Custom($"data.captions={dir.File("captions.jsonl")}", "data.source=jsonl"));
        RealDataSplits folder = RealDataReader.Read(Custom($"data.images={dir.Path}", "data.source=image-folder"));

        Assert.That(jsonl.Train.Count + jsonl.HeldOut.Count, Is.EqualTo(8));
        Assert.That(folder.Train.Select(p => p.Id), Is.EqualTo(jsonl.Train.Select(p => p.Id)));
    }

    [Test]
    public async Task Inpaintcoco_trains_on_the_original_images_and_captions()
    {
        using var dir = new TempDirectory();
        string path = dir.File("test.parquet");
        byte[][] images = [.. Enumerable.Range(0, 4).Select(i =>
        {
            RealDataFiles.WritePng(dir.File($"p{i}.png"), 8, 8, i);
            return File.ReadAllBytes(dir.File($"p{i}.png"));
        })];
        var schema = new ParquetSchema(new DataField<string>("concept"), new DataField<string>("coco_caption"), new DataField<byte[]>("coco_image"),
            new DataField<string>("inpaint_caption"), new DataField<byte[]>("inpaint_image"));
        await using (FileStream stream = File.Create(path))
        {
            await using ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream);
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            DataField[] f = schema.GetDataFields();
            await group.WriteAsync(f[0], new string?[] { "color", "size", "object", "color" });
            await group.WriteAsync(f[1], Enumerable.Range(0, 4).Select(i => (string?)$"original {i}").ToArray());
            await group.WriteAsync(f[2], images.Select(b => (byte[]?)b).ToArray());
            await group.WriteAsync(f[3], Enumerable.Range(0, 4).Select(i => (string?)$"inpainted {i}").ToArray());
            await group.WriteAsync(f[4], images.Reverse().Select(b => (byte[]?)b).ToArray());
        }

        RealDataSplits splits = RealDataReader.Read(Custom($"data.captions={dir.Path}", "data.source=inpaintcoco"));

        List<ImageCaptionPair> all = [.. splits.Train.Concat(splits.HeldOut)];
        Assert.That(all.Select(p => p.Caption).Order(), Is.EqualTo(new[] { "original 0", "original 1", "original 2", "original 3" }));
        Assert.That(all.Single(p => p.Caption == "original 2").Image.Bytes, Is.EqualTo(images[2]));
        Assert.That(all.Select(p => p.Id), Has.All.StartWith("test/"));
    }
}
