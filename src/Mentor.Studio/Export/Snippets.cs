using System.Globalization;
using Mentor.Imaging;
using Mentor.Models;

namespace Mentor.Studio.Export;

/// <summary>
/// Ready-to-paste code that loads a downloaded model file and prints a photo's top labels, in C# (Mentor), Python
/// (onnxruntime) and JavaScript (onnxruntime-node). The preprocessing is written from the model's own metadata
/// (input size, resize rule, labels): RGB 0..255, <c>[1,3,size,size]</c>, short side scaled then the centre square;
/// the graph does the rest (see the README's "The model file").
/// </summary>
public static class Snippets
{
    public static IReadOnlyDictionary<string, string> For(string fileName, ModelInput input, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rule = ResizeRule.Parse(input.Resize);
        var size = input.Size;
        var shortSide = rule.Mode == ResizeMode.Stretch ? size : (int)Math.Round(size / rule.CropFraction);
        return new Dictionary<string, string>
        {
            ["csharp"] = CSharp(fileName),
            ["python"] = Python(fileName, input, rule, shortSide),
            ["javascript"] = JavaScript(fileName, input, rule, shortSide, labels),
        };
    }

    private static string CSharp(string file) => $$"""
        // The Mentor library (src/Mentor) reads the model's metadata and preprocesses exactly as training did.
        using Mentor.Models;

        using var classifier = ImageClassifier.Load("{{file}}");
        foreach (var (label, probability) in classifier.Predict("photo.jpg", top: 3))
            Console.WriteLine($"{label}: {probability:P1}");
        """;

    private static string Python(string file, ModelInput input, ResizeRule rule, int shortSide) => string.Create(CultureInfo.InvariantCulture, $$"""
        # pip install onnxruntime pillow numpy
        import json
        import numpy as np
        import onnxruntime as ort
        from PIL import Image, ImageOps

        session = ort.InferenceSession("{{file}}")
        labels = json.loads(session.get_modelmeta().custom_metadata_map["mentor"])["labels"]
        SIZE = {{input.Size}}  # the model's input: RGB 0..255, [1, 3, SIZE, SIZE]

        def load(path):
            image = ImageOps.exif_transpose(Image.open(path)).convert("RGB")
        {{(rule.Mode == ResizeMode.Stretch
            ? "    image = image.resize((SIZE, SIZE), Image.BILINEAR)"
            : $"""
                  scale = {shortSide} / min(image.size)  # short side to {shortSide}, then the centre square
                  w, h = max(SIZE, round(image.width * scale)), max(SIZE, round(image.height * scale))
                  image = image.resize((w, h), Image.BILINEAR)
                  left, top = (w - SIZE) // 2, (h - SIZE) // 2
                  image = image.crop((left, top, left + SIZE, top + SIZE))
              """)}}
            return np.asarray(image, dtype=np.float32).transpose(2, 0, 1)[None]

        probabilities = session.run(["{{input.ProbabilitiesOutput}}"], {"{{input.Name}}": load("photo.jpg")})[0][0]
        for i in probabilities.argsort()[::-1][:3]:
            print(f"{labels[i]}: {probabilities[i]:.1%}")
        """);

    private static string JavaScript(string file, ModelInput input, ResizeRule rule, int shortSide, IReadOnlyList<string> labels) => string.Create(CultureInfo.InvariantCulture, $$"""
        // npm install onnxruntime-node sharp   (in a browser: onnxruntime-web, with the pixels from a canvas)
        import * as ort from 'onnxruntime-node';
        import sharp from 'sharp';

        const labels = {{System.Text.Json.JsonSerializer.Serialize(labels)}};
        const SIZE = {{input.Size}}; // the model's input: RGB 0..255, [1, 3, SIZE, SIZE]
        const session = await ort.InferenceSession.create('{{file}}');

        async function load(path) {
          const image = sharp(path).rotate().removeAlpha();
        {{(rule.Mode == ResizeMode.Stretch
            ? "  const { data } = await image.resize(SIZE, SIZE, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });"
            : $"""
                const {"{"} info {"}"} = await image.clone().toBuffer({"{"} resolveWithObject: true {"}"});
                const scale = {shortSide} / Math.min(info.width, info.height); // short side to {shortSide}, then the centre square
                const w = Math.max(SIZE, Math.round(info.width * scale)), h = Math.max(SIZE, Math.round(info.height * scale));
                const {"{"} data {"}"} = await image.resize(w, h, {"{"} fit: 'fill' {"}"})
                  .extract({"{"} left: (w - SIZE) >> 1, top: (h - SIZE) >> 1, width: SIZE, height: SIZE {"}"}).raw().toBuffer({"{"} resolveWithObject: true {"}"});
              """)}}
          const chw = new Float32Array(3 * SIZE * SIZE); // HWC bytes -> CHW floats
          for (let i = 0; i < SIZE * SIZE; i++) for (let c = 0; c < 3; c++) chw[c * SIZE * SIZE + i] = data[i * 3 + c];
          return new ort.Tensor('float32', chw, [1, 3, SIZE, SIZE]);
        }

        const { {{input.ProbabilitiesOutput}}: probabilities } = await session.run({ {{input.Name}}: await load('photo.jpg') }, ['{{input.ProbabilitiesOutput}}']);
        [...probabilities.data].map((p, i) => [p, i]).sort((a, b) => b[0] - a[0]).slice(0, 3)
          .forEach(([p, i]) => console.log(`${labels[i]}: ${(100 * p).toFixed(1)}%`));
        """);
}
