namespace HardNegRules.Tests;

/// <summary>
/// The folder of full real data sets (COCO val2017 captions, SugarCrepe, Fashion-IQ) that the explicit measurements
/// read: too large for the repository, so it is named by the HARDNEG_DATA environment variable.
/// </summary>
internal static class RealData
{
    public static string Folder()
    {
        string? folder = Environment.GetEnvironmentVariable("HARDNEG_DATA");
        if (string.IsNullOrEmpty(folder))
        {
            Assert.Ignore("Set HARDNEG_DATA to the folder holding coco/, sugarcrepe/ and fashion-iq/ to run this measurement.");
        }
        return folder!;
    }
}
