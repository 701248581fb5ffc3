using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dala.Geo.Io;

/// <summary>
/// How Dala writes JSON: UTF-8 as is (Cyrillic and Kazakh names stay readable and a third of the size), since
/// our JSON is served as data, never pasted into HTML.
/// </summary>
public static class JsonOutput
{
    public static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };
}
