using Parquet;
using Parquet.Schema;

namespace HardNegRules.Cli.Tests;

/// <summary>Small files in the published layouts of InpaintCOCO, Winoground and ARO, over the repository's COCO sample images.</summary>
internal static class BenchmarkFiles
{
    public static string CocoSample { get; } = Path.Combine(Hardneg.RepositoryRoot, "tests", "data", "coco", "val2017-sample");

    public static string SugarCrepe { get; } = Path.Combine(Hardneg.RepositoryRoot, "tests", "data", "sugarcrepe");

    public static string[] Jpegs { get; } = [.. Directory.GetFiles(CocoSample, "*.jpg").Order(StringComparer.Ordinal)];

    /// <summary>InpaintCOCO's parquet columns, images as HF's {bytes, path} struct: two rows per concept, and a last
    /// row whose inpainted image is cut off (unreadable).</summary>
    public static async Task<string> WriteInpaintCocoAsync(string folder)
    {
        string path = Path.Combine(folder, "data", "test-00000-of-00001.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string[] concepts = ["color", "color", "object", "object", "size", "size", "color"];
        string?[] cocoCaptions = ["A red bus on a street.", "A white plate with food.", "A dog on a couch.", "A man riding a horse.",
            "A small cat on a bed.", "A large truck on a road.", "A blue car."];
        string?[] inpaintCaptions = ["A green bus on a street.", "A black plate with food.", "A cat on a couch.", "A man riding a cow.",
            "A large cat on a bed.", "A small truck on a road.", "A red car."];
        byte[]?[] coco = [.. concepts.Select((_, i) => File.ReadAllBytes(Jpegs[i]))];
        byte[]?[] inpainted = [.. concepts.Select((_, i) => File.ReadAllBytes(Jpegs[i + 7]))];
        inpainted[^1] = inpainted[^1]![..2000];
        static Field Image(string name) => new StructField(name, new DataField<byte[]>("bytes"), new DataField<string>("path"));
        var schema = new ParquetSchema(new DataField<string>("concept"), new DataField<string>("coco_caption"), Image("coco_image"),
            new DataField<string>("inpaint_caption"), Image("inpaint_image"), Image("mask"), new DataField<string>("worker"),
            new DataField<string>("coco_details"), new DataField<string>("inpaint_details"));
        string?[] Text(string value) => [.. concepts.Select(_ => (string?)value)];
        string?[] Names(string prefix) => [.. concepts.Select((_, i) => (string?)$"{prefix}{i}.png")];
        await using FileStream stream = File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream);
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        DataField[] fields = schema.GetDataFields();
        await group.WriteAsync(fields[0], concepts.Select(c => (string?)c).ToArray());
        await group.WriteAsync(fields[1], cocoCaptions);
        await group.WriteAsync(fields[2], coco);
        await group.WriteAsync(fields[3], Names("coco"));
        await group.WriteAsync(fields[4], inpaintCaptions);
        await group.WriteAsync(fields[5], inpainted);
        await group.WriteAsync(fields[6], Names("inpaint"));
        await group.WriteAsync(fields[7], inpainted);
        await group.WriteAsync(fields[8], Names("mask"));
        await group.WriteAsync(fields[9], Text("worker1"));
        await group.WriteAsync(fields[10], Text("{}"));
        await group.WriteAsync(fields[11], Text("{}"));
        return Path.GetDirectoryName(Path.GetDirectoryName(path))!;
    }

    /// <summary>Winoground's data/ layout: examples.jsonl and images/ex_N_img_M.* (JPEG copies here); example 3's
    /// second image is missing.</summary>
    public static string WriteWinoground(string folder)
    {
        string images = Path.Combine(folder, "images");
        Directory.CreateDirectory(images);
        string[] tags = ["Object", "Relation", "Both", "Relation"];
        string[] secondary = ["", "Symbolic", "", "Pragmatics"];
        var lines = new List<string>();
        for (int i = 0; i < 4; i++)
        {
            File.Copy(Jpegs[2 * i], Path.Combine(images, $"ex_{i}_img_0.jpg"));
            if (i != 3)
            {
                File.Copy(Jpegs[(2 * i) + 1], Path.Combine(images, $"ex_{i}_img_1.jpg"));
            }
            lines.Add($"{{\"id\": {i}, \"caption_0\": \"a dog chasing a cat {i}\", \"caption_1\": \"a cat chasing a dog {i}\", \"image_0\": \"ex_{i}_img_0\", " +
                $"\"image_1\": \"ex_{i}_img_1\", \"tag\": \"{tags[i]}\", \"secondary_tag\": \"{secondary[i]}\", \"num_main_preds\": {1 + (i % 2)}, \"collapsed_tag\": \"{tags[i]}\"}}");
        }
        lines.Insert(2, "{\"id\": 99, \"caption_0\": \"no second caption\"}");
        File.WriteAllLines(Path.Combine(folder, "examples.jsonl"), lines);
        return folder;
    }

    /// <summary>ARO's root (the two Visual Genome files and images/) with coco_karpathy_test.json and val2014/ in it too.</summary>
    public static string WriteAro(string folder)
    {
        string images = Path.Combine(folder, "images");
        string val = Path.Combine(folder, "val2014");
        Directory.CreateDirectory(images);
        Directory.CreateDirectory(val);
        foreach (string jpeg in Jpegs.Take(6))
        {
            File.Copy(jpeg, Path.Combine(images, Path.GetFileName(jpeg)));
            File.Copy(jpeg, Path.Combine(val, "COCO_val2014_" + Path.GetFileName(jpeg)));
        }
        string Name(int i) => Path.GetFileName(Jpegs[i]);
        File.WriteAllText(Path.Combine(folder, "visual_genome_relation.json"), "[" + string.Join(", ",
            $"{{\"image_id\": \"1\", \"relation_name\": \"on\", \"bbox_x\": 10, \"bbox_y\": 20, \"bbox_w\": 200, \"bbox_h\": 150, \"true_caption\": \"the cup is on the table\", \"false_caption\": \"the table is on the cup\", \"image_path\": \"{Name(0)}\"}}",
            $"{{\"image_id\": \"2\", \"relation_name\": \"on\", \"bbox_x\": 0, \"bbox_y\": 0, \"bbox_w\": 5000, \"bbox_h\": 5000, \"true_caption\": \"the dog is on the bed\", \"false_caption\": \"the bed is on the dog\", \"image_path\": \"{Name(1)}\"}}",
            $"{{\"image_id\": \"3\", \"relation_name\": \"near\", \"bbox_x\": 30.5, \"bbox_y\": 40.2, \"bbox_w\": 100.7, \"bbox_h\": 90.1, \"true_caption\": \"the man is near the car\", \"false_caption\": \"the car is near the man\", \"image_path\": \"{Name(2)}\"}}",
            $"{{\"image_id\": \"4\", \"relation_name\": \"behind\", \"bbox_x\": 0, \"bbox_y\": 0, \"bbox_w\": 50, \"bbox_h\": 50, \"true_caption\": \"the tree is behind the fence\", \"false_caption\": \"the fence is behind the tree\", \"image_path\": \"missing.jpg\"}}") + "]");
        File.WriteAllText(Path.Combine(folder, "visual_genome_attribution.json"), "[" + string.Join(", ",
            $"{{\"image_id\": \"5\", \"bbox_x\": 0, \"bbox_y\": 0, \"bbox_w\": 300, \"bbox_h\": 300, \"true_caption\": \"the white plate and the wooden table\", \"false_caption\": \"the wooden plate and the white table\", \"attributes\": [\"white\", \"wooden\"], \"image_path\": \"{Name(3)}\"}}",
            $"{{\"image_id\": \"6\", \"bbox_x\": 5, \"bbox_y\": 5, \"bbox_w\": 100, \"bbox_h\": 100, \"true_caption\": \"the red bus and the gray road\", \"false_caption\": \"the gray bus and the red road\", \"attributes\": [\"red\", \"gray\"]}}") + "]");
        File.WriteAllText(Path.Combine(folder, "coco_karpathy_test.json"), "[" + string.Join(", ",
            $"{{\"image\": \"val2014/COCO_val2014_{Name(4)}\", \"caption\": [\"A large brown dog sleeps on a small red couch.\", \"Two white cups sit on a wooden table.\"]}}",
            $"{{\"image\": \"val2014/COCO_val2014_{Name(5)}\", \"caption\": [\"A man in a blue shirt rides a black horse.\", \"A green bus drives past a tall building.\"]}}") + "]");
        return folder;
    }
}
