using System.Runtime.InteropServices;
using SkiaSharp;

namespace VendorPortal.Web.Features.Billing;

/// <summary>
/// Cuts a font down to the characters one document draws, with HarfBuzz's subsetter (hb-subset, in the native library
/// HarfBuzzSharp ships). The SkiaSharp build embeds TrueType fonts whole (its PDF backend has no subsetter compiled in:
/// a 4 MB Chinese font made a 2.8 MB one-page statement), so the statement hands Skia a subset instead. The subset keeps
/// the cmap, glyf, hmtx and layout tables of the characters kept, so HarfBuzz shapes with it (kerning included) and
/// Skia's ToUnicode map is built from a cmap that holds only the characters drawn.
/// </summary>
internal sealed class FontSubset : IDisposable
{
    private const string Lib = "libHarfBuzzSharp";
    private readonly HarfBuzzSharp.Blob blob;
    private readonly HarfBuzzSharp.Face face;
    private readonly IntPtr preprocessed;

    public FontSubset(byte[] font)
    {
        var memory = Marshal.AllocHGlobal(font.Length);
        Marshal.Copy(font, 0, memory, font.Length);
        blob = new HarfBuzzSharp.Blob(memory, font.Length, HarfBuzzSharp.MemoryMode.ReadOnly, () => Marshal.FreeHGlobal(memory));
        face = new HarfBuzzSharp.Face(blob, 0);
        // Preprocessing indexes the face once, so each document's subset of the 4 MB Chinese font takes a fraction of the time.
        preprocessed = hb_subset_preprocess(face.Handle);
    }

    /// <summary>The font's glyphs for these code points (and .notdef), as a typeface Skia can draw and embed.</summary>
    public SKTypeface Cut(IEnumerable<int> codePoints)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero) throw new InvalidOperationException("HarfBuzz could not start a font subset.");
        try
        {
            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var codePoint in codePoints) hb_set_add(unicodes, (uint)codePoint);
            var subset = hb_subset_or_fail(preprocessed, input);
            if (subset == IntPtr.Zero) throw new InvalidOperationException("HarfBuzz could not subset the font.");
            try
            {
                var result = hb_face_reference_blob(subset);
                try
                {
                    var data = hb_blob_get_data(result, out var length);
                    using var copy = SKData.CreateCopy(data, (ulong)length);
                    return SKTypeface.FromData(copy) ?? throw new InvalidOperationException("Skia could not load the font subset.");
                }
                finally
                {
                    hb_blob_destroy(result);
                }
            }
            finally
            {
                hb_face_destroy(subset);
            }
        }
        finally
        {
            hb_subset_input_destroy(input);
        }
    }

    public void Dispose()
    {
        hb_face_destroy(preprocessed);
        face.Dispose();
        blob.Dispose();
    }

    [DllImport(Lib)] private static extern IntPtr hb_subset_preprocess(IntPtr face);
    [DllImport(Lib)] private static extern IntPtr hb_subset_input_create_or_fail();
    [DllImport(Lib)] private static extern void hb_subset_input_destroy(IntPtr input);
    [DllImport(Lib)] private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);
    [DllImport(Lib)] private static extern void hb_set_add(IntPtr set, uint codePoint);
    [DllImport(Lib)] private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
    [DllImport(Lib)] private static extern IntPtr hb_face_reference_blob(IntPtr face);
    [DllImport(Lib)] private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);
    [DllImport(Lib)] private static extern void hb_blob_destroy(IntPtr blob);
    [DllImport(Lib)] private static extern void hb_face_destroy(IntPtr face);
}
