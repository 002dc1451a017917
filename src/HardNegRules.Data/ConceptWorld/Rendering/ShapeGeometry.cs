using HardNegRules.Data.ConceptWorld.Scenes;

namespace HardNegRules.Data.ConceptWorld.Rendering;

/// <summary>
/// Signed distance from a point to each shape's outline, in a unit frame where the shape fits the box [-1, 1]^2
/// (x right, y down; negative inside). Distances scale with the object's radius, which is what makes analytic
/// anti-aliasing (coverage = 0.5 - distance in pixels) exact along straight edges and close along curves.
/// </summary>
internal static class ShapeGeometry
{
    private static readonly float[] TriangleOutline = RegularPolygon(3, 1.0f, -MathF.PI / 2, 0.25f);
    private static readonly float[] PentagonOutline = RegularPolygon(5, 1.0f, -MathF.PI / 2, 0.1f);
    private static readonly float[] HexagonOutline = RegularPolygon(6, 0.98f, 0f, 0f);
    private static readonly float[] StarOutline = Star(1.0f, 0.42f);

    // A diamond narrower than it is tall, so it never reads as a square turned by 45 degrees.
    private static readonly float[] DiamondOutline = [0f, -1f, 0.68f, 0f, 0f, 1f, -0.68f, 0f];

    // The heart is a square on its corner with a disc on each upper edge; the point of the square is the heart's tip.
    private static readonly float[] HeartBody = [0f, -0.67f, 0.75f, 0.08f, 0f, 0.83f, -0.75f, 0.08f];
    private const float HeartLobeRadius = 0.53f;
    private const float HeartLobeX = 0.375f;
    private const float HeartLobeY = -0.295f;

    /// <summary>The signed distance from (x, y) to <paramref name="shape"/>, in unit-frame lengths.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="x">X in the unit frame.</param>
    /// <param name="y">Y in the unit frame (down).</param>
    /// <returns>Negative inside, positive outside.</returns>
    public static float SignedDistance(ObjectShape shape, float x, float y) => shape switch
    {
        ObjectShape.Circle => MathF.Sqrt((x * x) + (y * y)) - 0.95f,
        ObjectShape.Square => Box(x, y, 0.8f, 0.8f),
        ObjectShape.Triangle => Polygon(TriangleOutline, x, y),
        ObjectShape.Star => Polygon(StarOutline, x, y),
        ObjectShape.Heart => MathF.Min(
            Polygon(HeartBody, x, y),
            MathF.Min(Disc(x + HeartLobeX, y - HeartLobeY, HeartLobeRadius), Disc(x - HeartLobeX, y - HeartLobeY, HeartLobeRadius))),
        ObjectShape.Cross => MathF.Min(Box(x, y, 0.9f, 0.3f), Box(x, y, 0.3f, 0.9f)),
        ObjectShape.Diamond => Polygon(DiamondOutline, x, y),
        ObjectShape.Hexagon => Polygon(HexagonOutline, x, y),
        ObjectShape.Pentagon => Polygon(PentagonOutline, x, y),
        ObjectShape.Ring => MathF.Abs(MathF.Sqrt((x * x) + (y * y)) - 0.7f) - 0.27f,
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "Unknown shape."),
    };

    private static float Disc(float x, float y, float radius) => MathF.Sqrt((x * x) + (y * y)) - radius;

    private static float Box(float x, float y, float halfWidth, float halfHeight)
    {
        float qx = MathF.Abs(x) - halfWidth;
        float qy = MathF.Abs(y) - halfHeight;
        float outsideX = MathF.Max(qx, 0f);
        float outsideY = MathF.Max(qy, 0f);
        return MathF.Sqrt((outsideX * outsideX) + (outsideY * outsideY)) + MathF.Min(MathF.Max(qx, qy), 0f);
    }

    /// <summary>Distance to the nearest edge, negative when an even-odd crossing count says the point is inside.</summary>
    private static float Polygon(float[] outline, float x, float y)
    {
        int count = outline.Length / 2;
        float nearestSquared = float.MaxValue;
        bool inside = false;
        for (int i = 0, j = count - 1; i < count; j = i++)
        {
            float ax = outline[2 * j], ay = outline[(2 * j) + 1];
            float bx = outline[2 * i], by = outline[(2 * i) + 1];
            float ex = bx - ax, ey = by - ay;
            float px = x - ax, py = y - ay;
            float t = Math.Clamp(((px * ex) + (py * ey)) / ((ex * ex) + (ey * ey)), 0f, 1f);
            float dx = px - (ex * t), dy = py - (ey * t);
            nearestSquared = MathF.Min(nearestSquared, (dx * dx) + (dy * dy));
            if ((ay > y) != (by > y) && x < ax + ((y - ay) * ex / ey))
            {
                inside = !inside;
            }
        }

        float distance = MathF.Sqrt(nearestSquared);
        return inside ? -distance : distance;
    }

    /// <summary>Vertices of a regular polygon, shifted down by <paramref name="shiftY"/> to centre its visual mass.</summary>
    private static float[] RegularPolygon(int sides, float radius, float startAngle, float shiftY)
    {
        var outline = new float[2 * sides];
        for (int i = 0; i < sides; i++)
        {
            float angle = startAngle + (2 * MathF.PI * i / sides);
            outline[2 * i] = radius * MathF.Cos(angle);
            outline[(2 * i) + 1] = (radius * MathF.Sin(angle)) + shiftY;
        }

        return outline;
    }

    private static float[] Star(float outerRadius, float innerRadius)
    {
        var outline = new float[20];
        for (int i = 0; i < 10; i++)
        {
            float angle = (-MathF.PI / 2) + (MathF.PI * i / 5);
            float radius = i % 2 == 0 ? outerRadius : innerRadius;
            outline[2 * i] = radius * MathF.Cos(angle);
            outline[(2 * i) + 1] = (radius * MathF.Sin(angle)) + 0.1f;
        }

        return outline;
    }
}
