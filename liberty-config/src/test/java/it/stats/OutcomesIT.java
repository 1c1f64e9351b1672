package it.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.chat.ChatMessage;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.chat.Tier;
import dev.llmrouter.classify.DefaultPromptClassifier;
import dev.llmrouter.classify.HistoricalQualityPredictor;
import dev.llmrouter.classify.PromptProfile;
import dev.llmrouter.classify.QualityBlend;
import dev.llmrouter.classify.QualityEstimate;
import dev.llmrouter.classify.QualityPrior;
import dev.llmrouter.embed.DjlEmbedder;
import dev.llmrouter.persistence.internal.JdbcRoutingExamples;
import dev.llmrouter.stats.LabelledOutcome;
import dev.llmrouter.stats.Outcomes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Labelled outcomes recorded through the outcome service land in PostgreSQL (the schema the server
 * migrated) and move the quality prediction for similar prompts, for the tenant that gave them only.
 * Real embedding model, real pgvector search.
 */
class OutcomesIT {

    private static final String QUESTION = "A baker makes 24 muffins and sells 3 boxes of 6 muffins each. How many"
            + " muffins does the baker have left?";
    private static final List<String> SIMILAR = List.of(
            "A baker makes 30 muffins and sells 2 boxes of 6 muffins each. How many muffins are left?",
            "A baker bakes 24 cupcakes and sells 3 boxes of 4 cupcakes. How many cupcakes does she have left?",
            "A bakery makes 40 muffins and sells 5 boxes of 6 muffins each. How many muffins remain?",
            "A baker makes 36 muffins and gives away 2 boxes of 6 muffins. How many muffins does he keep?",
            "A baker makes 24 muffins and sells 4 boxes of 5 muffins each. How many muffins are left over?",
            "A baker makes 48 muffins and sells 3 boxes of 8 muffins each. How many muffins does the baker have left?",
            "A cook makes 24 muffins and sells 3 trays of 6 muffins each. How many muffins are left?",
            "A baker makes 20 muffins and sells 3 boxes of 6 muffins each. How many are left?",
            "A baker makes 24 rolls and sells 3 bags of 6 rolls each. How many rolls does the baker have left?",
            "A baker makes 60 muffins and sells 7 boxes of 6 muffins each. How many muffins are left?");

    private static DjlEmbedder embedder;

    private PGSimpleDataSource dataSource;
    private Outcomes outcomes;
    private DefaultPromptClassifier classifier;
    private long tenant;
    private long otherTenant;
    private final String local = "it-local-" + UUID.randomUUID();
    private final String cloud = "it-cloud-" + UUID.randomUUID();

    @BeforeAll
    static void loadModel() {
        embedder = DjlEmbedder.load(1);
    }

    @AfterAll
    static void closeModel() {
        embedder.close();
    }

    @BeforeEach
    void arrange() throws SQLException {
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(System.getProperty("db.url"));
        dataSource.setUser(System.getProperty("db.user"));
        dataSource.setPassword(System.getProperty("db.password", ""));
        classifier = new DefaultPromptClassifier(embedder, QualityPrior.shipped());
        outcomes = new Outcomes(new JdbcRoutingExamples(dataSource), embedder, classifier);
        tenant = newTenant("outcomes-it-" + UUID.randomUUID());
        otherTenant = newTenant("outcomes-it-other-" + UUID.randomUUID());
    }

    @AfterEach
    void cleanUp() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from tenants where id in (?, ?)")) {
            ps.setLong(1, tenant);
            ps.setLong(2, otherTenant);
            ps.executeUpdate();
        }
    }

    /** A fresh predictor per question: nothing remembered between the before and after looks. */
    private QualityEstimate predict(String backend, Tier tier, long tenantId) {
        HistoricalQualityPredictor predictor = new HistoricalQualityPredictor(new JdbcRoutingExamples(dataSource),
                QualityPrior.shipped(), 120, QualityBlend.DEFAULT);
        PromptProfile profile = classifier.profile(
                ChatRequest.builder().message(ChatMessage.user(QUESTION)).build(), null);
        return predictor.predict(profile, backend, tier, tenantId);
    }

    @Test
    void feedbackOnSimilarPromptsMovesThePredictionForItsTenantOnly() throws SQLException {
        QualityEstimate localBefore = predict(local, Tier.LOCAL, tenant);
        QualityEstimate cloudBefore = predict(cloud, Tier.CLOUD, tenant);

        for (String prompt : SIMILAR) {
            outcomes.record(tenant, local, Tier.LOCAL, prompt, null, 0);
            outcomes.record(tenant, cloud, Tier.CLOUD, prompt, null, 1);
        }

        QualityEstimate localAfter = predict(local, Tier.LOCAL, tenant);
        QualityEstimate cloudAfter = predict(cloud, Tier.CLOUD, tenant);
        assertTrue(localAfter.quality() < localBefore.quality() - 0.1, localBefore + " -> " + localAfter);
        assertTrue(cloudAfter.quality() > cloudBefore.quality() + 0.02, cloudBefore + " -> " + cloudAfter);
        assertTrue(localAfter.basis().startsWith("10 similar labelled prompts of " + local), localAfter.basis());
        assertEquals(localBefore.quality(), predict(local, Tier.LOCAL, otherTenant).quality(), 1e-9);
        assertEquals(20, count("tenant_id = " + tenant + " and category = 'math' and source = 'FEEDBACK'"));
    }

    @Test
    void repeatedFeedbackOnARequestReplacesItsScore() throws SQLException {
        String requestId = "it-" + UUID.randomUUID();
        for (double score : new double[] {0, 1}) {
            outcomes.record(new LabelledOutcome(tenant, local, Tier.LOCAL, QUESTION, null, null, score,
                    LabelledOutcome.Source.FEEDBACK, requestId));
        }

        assertEquals(1, count("request_id = '" + requestId + "' and score = 1"));
        assertEquals(0, count("request_id = '" + requestId + "' and score = 0"));
    }

    private long newTenant(String name) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into tenants (name) values (?) returning id")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private int count(String where) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from routing_examples where " + where);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
