using System.Text;
using Microsoft.AspNetCore.Http;

namespace Dala.Web;

/// <summary>A CSV download (UTF-8, LF line ends) written by a callback.</summary>
public static class CsvResult
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static IResult Of(Action<TextWriter> write, string downloadName)
    {
        var text = new StringWriter();
        write(text);
        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), ContentType, downloadName);
    }
}
