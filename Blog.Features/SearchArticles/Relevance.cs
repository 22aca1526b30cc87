namespace Blog.Features.SearchArticles;

/// <summary>
/// How well an article matches, among the candidates ranked together: BM25F over the title and the content, a title
/// word counting as <see cref="TitleWeight"/> content words, the last search word matching as a prefix. The rarer a
/// word is among the candidates, the more it counts (document frequencies are counted over the candidates, the ranked
/// window, not the whole table: that keeps the cost bounded however common a word is).
/// </summary>
internal static class Relevance
{
    public const double TitleWeight = 10;

    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>The candidates' scores, higher is better, in the order given.</summary>
    public static double[] Score(IReadOnlyList<(string Title, string Content)> candidates, SearchTerms terms)
    {
        var termCount = terms.Folded.Count;
        var frequencies = new double[candidates.Count, termCount];
        var lengths = new double[candidates.Count];
        var documentFrequencies = new int[termCount];
        for (var d = 0; d < candidates.Count; d++)
        {
            lengths[d] = Count(candidates[d].Title, terms, TitleWeight, frequencies, d) + Count(candidates[d].Content, terms, 1, frequencies, d);
            for (var t = 0; t < termCount; t++)
            {
                if (frequencies[d, t] > 0)
                {
                    documentFrequencies[t]++;
                }
            }
        }

        var averageLength = candidates.Count == 0 ? 1 : Math.Max(1, lengths.Average());
        var scores = new double[candidates.Count];
        for (var d = 0; d < candidates.Count; d++)
        {
            var score = 0.0;
            for (var t = 0; t < termCount; t++)
            {
                var frequency = frequencies[d, t];
                var idf = Math.Log(1 + (candidates.Count - documentFrequencies[t] + 0.5) / (documentFrequencies[t] + 0.5));
                score += idf * frequency * (K1 + 1) / (frequency + K1 * (1 - B + B * lengths[d] / averageLength));
            }

            scores[d] = score;
        }

        return scores;
    }

    // Adds the weighted occurrences of each term in text to row d of frequencies; answers the weighted word count.
    private static double Count(string text, SearchTerms terms, double weight, double[,] frequencies, int d)
    {
        var words = SearchTerms.WordSpans(text);
        foreach (var (start, length) in words)
        {
            var term = terms.IndexOf(text.AsSpan(start, length));
            if (term >= 0)
            {
                frequencies[d, term] += weight;
            }
        }

        return words.Count * weight;
    }
}
