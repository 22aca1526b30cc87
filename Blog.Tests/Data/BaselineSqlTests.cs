using System.Text.RegularExpressions;
using Blog.Features.GetArticle;
using Blog.Features.ListArticles;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.Data;

/// <summary>
/// bench/Baseline stands alone (no reference to Blog) and so holds its own copy of the article queries; the
/// benchmark compares like with like only while the copies are Blog's SQL.
/// </summary>
public sealed partial class BaselineSqlTests
{
    // The raw string literals of the baseline's Program.cs, white space collapsed.
    private static readonly string[] BaselineStrings = RawString()
        .Matches(File.ReadAllText(Repository.PathOf("bench", "Baseline", "Program.cs")))
        .Select(match => Collapse(match.Groups[1].Value))
        .ToArray();

    [Fact]
    public void The_baseline_gets_one_article_with_the_SQL_of_GetArticle() =>
        BaselineStrings.Should().Contain(Collapse(GetArticleHandler.Sql));

    [Fact]
    public void The_baseline_lists_articles_with_the_SQL_of_ListArticles() =>
        BaselineStrings.Should().Contain(Collapse(ListArticlesHandler.Sql));

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("\"\"\"(.*?)\"\"\"", RegexOptions.Singleline)]
    private static partial Regex RawString();
}
