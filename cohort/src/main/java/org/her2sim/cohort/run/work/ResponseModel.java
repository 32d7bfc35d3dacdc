// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run.work;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.her2sim.cohort.run.request.ProfileKey;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Response;
import org.her2sim.her2.catalog.Therapy;
import org.her2sim.her2.predict.Estimate;
import org.her2sim.her2.predict.Predictor;
import org.her2sim.her2.predict.ResponseScore;
import org.her2sim.her2.predict.Shapley;

/**
 * {@link Predictor}'s computation on a {@link ScenarioCache}: the score and class, each active
 * mechanism's contribution (its Shapley share of the score lost to all the profile's mechanisms,
 * over the same subsets or sampled orders as {@code Predictor}) and, for a non-responder when
 * asked, the best add-on therapy. Same seed and samples, same numbers as {@code Predictor}; the
 * subsets of a profile's mechanisms are often other profiles of the cohort, simulated once.
 */
public final class ResponseModel {
    private final ScenarioCache cache;

    public ResponseModel(ScenarioCache cache) {
        this.cache = cache;
    }

    /** The cache simulations go through. */
    public ScenarioCache cache() {
        return cache;
    }

    /** The score of a profile under a regimen. */
    public Score score(ProfileKey key, List<String> regimen) {
        Response r = cache.catalog().response();
        return Score.of(cache.get(key, List.of()), cache.get(key, regimen), r);
    }

    /**
     * The prediction for one profile.
     *
     * @param regimen therapy ids
     * @param rescues try every add-on therapy (not in the regimen) when the profile is not sensitive
     */
    public ProfileResponse predict(ProfileKey key, List<String> regimen, boolean rescues) {
        Catalog catalog = cache.catalog();
        Response r = catalog.response();
        Map<String, Estimate> untreated = cache.get(key, List.of());
        Score score = Score.of(untreated, cache.get(key, regimen), r);
        String cls = ResponseScore.classify(score.value(), r);
        List<String> players = Predictor.attributionPlayers(key.mechanisms());
        Shapley shapley = Predictor.attribution(players.size(), cache.seed());
        double none = score(key.only(List.of()), regimen).value();
        double[] shares = shapley.shares(m -> none - score(key.only(Predictor.members(players, m)), regimen).value()).shares();
        List<ProfileResponse.Contribution> cs = new ArrayList<>();
        for (String m : key.mechanisms()) {
            cs.add(new ProfileResponse.Contribution(m, shares[players.indexOf(m)]));
        }
        String rescue = "";
        double rescueScore = Double.NaN;
        if (rescues && !cls.equals(ResponseScore.SENSITIVE)) {
            double bestGain = Predictor.NEUTRAL;
            for (Therapy t : catalog.therapies().values()) {
                if (!t.addon() || t.preclinical() || regimen.contains(t.id())) {   // as predict's default rescues
                    continue;
                }
                List<String> plus = new ArrayList<>(regimen);
                plus.add(t.id());
                double s = Score.of(untreated, cache.get(key, plus), r).value();
                double gain = s - score.value();
                // ties go to the smaller id, as Predictor sorts them
                if (gain > bestGain || gain == bestGain && !rescue.isEmpty() && t.id().compareTo(rescue) < 0) {
                    bestGain = gain;
                    rescue = t.id();
                    rescueScore = s;
                }
            }
        }
        return new ProfileResponse(score.value(), score.se(), cls, cs, rescue, rescueScore);
    }
}
