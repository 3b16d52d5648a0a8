/-
GENERATED FILE: do not edit. Written by `python -m pybridge.formal.lean_constants --write` from
`symbolic.rational_bounds_for_export()` (certified rational enclosures, rounded outward).
Body SHA-256: a519bfb0de5cb76a859ef2dff8da0d06e8dac9788af062403ff20aa8d3a3cbf2
-/
import Mathlib

/-!
# Certified constants (generated)

For every constant `c` of prunegap's `symbolic` package, `c_lo ≤ c ≤ c_hi` holds for the exact
real value (certified by interval arithmetic in Python, not by Lean). Hand-written lemmas about
these bounds live in `Prunegap/Constants.lean`.
-/

namespace Prunegap.Generated

/-- Certified lower end of `allasia-c18` (outward-rounded rational; symbolic, arb balls). -/
def allasia_c18_lo : ℚ := ((541426532819274441193317937829 : ℚ) / 1000000000000000000000000000000000)
/-- Certified upper end of `allasia-c18` (outward-rounded rational; symbolic, arb balls). -/
def allasia_c18_hi : ℚ := ((54142653281927444119331793783 : ℚ) / 100000000000000000000000000000000)

/-- Certified lower end of `allasia-ratio` (outward-rounded rational; symbolic, arb balls). -/
def allasia_ratio_lo : ℚ := ((284766852856163821257114065773 : ℚ) / 1000000000000000000000000000)
/-- Certified upper end of `allasia-ratio` (outward-rounded rational; symbolic, arb balls). -/
def allasia_ratio_hi : ℚ := ((142383426428081910628557032887 : ℚ) / 500000000000000000000000000)

/-- Certified lower end of `almt-a-eta` (outward-rounded rational; symbolic, arb balls). -/
def almt_a_eta_lo : ℚ := ((346163676520457067636601744131 : ℚ) / 50000000000000000000000000000)
/-- Certified upper end of `almt-a-eta` (outward-rounded rational; symbolic, arb balls). -/
def almt_a_eta_hi : ℚ := ((692327353040914135273203488263 : ℚ) / 100000000000000000000000000000)

/-- Certified lower end of `eta-eps` (outward-rounded rational; symbolic, arb balls). -/
def eta_eps_lo : ℚ := ((399946679463010661215063938031 : ℚ) / 10000000000000000000000000000000)
/-- Certified upper end of `eta-eps` (outward-rounded rational; symbolic, arb balls). -/
def eta_eps_hi : ℚ := ((24996667466438166325941496127 : ℚ) / 625000000000000000000000000000)

/-- Certified lower end of `expected-eta-min` (outward-rounded rational; symbolic, arb balls). -/
def expected_eta_min_lo : ℚ := ((71399833036131664510514622347 : ℚ) / 500000000000000000000000000000)
/-- Certified upper end of `expected-eta-min` (outward-rounded rational; symbolic, arb balls). -/
def expected_eta_min_hi : ℚ := ((28559933214452665804205848939 : ℚ) / 200000000000000000000000000000)

/-- Certified lower end of `gauss-mixture-weight` (outward-rounded rational; symbolic, arb balls). -/
def gauss_mixture_weight_lo : ℚ := ((18390733084287737649571756171 : ℚ) / 125000000000000000000000000000)
/-- Certified upper end of `gauss-mixture-weight` (outward-rounded rational; symbolic, arb balls). -/
def gauss_mixture_weight_hi : ℚ := ((147125864674301901196574049369 : ℚ) / 1000000000000000000000000000000)

/-- Certified lower end of `gauss-product-weight` (outward-rounded rational; symbolic, arb balls). -/
def gauss_product_weight_lo : ℚ := ((294251729348603802393148098737 : ℚ) / 1000000000000000000000000000000)
/-- Certified upper end of `gauss-product-weight` (outward-rounded rational; symbolic, arb balls). -/
def gauss_product_weight_hi : ℚ := ((147125864674301901196574049369 : ℚ) / 500000000000000000000000000000)

/-- Certified lower end of `irwin-hall-cl` (outward-rounded rational; symbolic, arb balls). -/
def irwin_hall_cl_lo : ℚ := ((154180329803769276811220557781 : ℚ) / 1000000000000000000000000000000)
/-- Certified upper end of `irwin-hall-cl` (outward-rounded rational; symbolic, arb balls). -/
def irwin_hall_cl_hi : ℚ := ((77090164901884638405610278891 : ℚ) / 500000000000000000000000000000)

/-- Certified lower end of `irwin-hall-cl-term` (outward-rounded rational; symbolic, arb balls). -/
def irwin_hall_cl_term_lo : ℚ := ((154567819571629060601694456899 : ℚ) / 1000000000000000000000000000000)
/-- Certified upper end of `irwin-hall-cl-term` (outward-rounded rational; symbolic, arb balls). -/
def irwin_hall_cl_term_hi : ℚ := ((1545678195716290606016944569 : ℚ) / 10000000000000000000000000000)

/-- Certified lower end of `irwin-hall-cu` (outward-rounded rational; symbolic, arb balls). -/
def irwin_hall_cu_lo : ℚ := ((88388347648318440550105545263 : ℚ) / 125000000000000000000000000000)
/-- Certified upper end of `irwin-hall-cu` (outward-rounded rational; symbolic, arb balls). -/
def irwin_hall_cu_hi : ℚ := ((141421356237309504880168872421 : ℚ) / 200000000000000000000000000000)

/-- Certified lower end of `irwin-hall-cu-limit` (outward-rounded rational; symbolic, arb balls). -/
def irwin_hall_cu_limit_lo : ℚ := ((690988298942670958530489292063 : ℚ) / 1000000000000000000000000000000)
/-- Certified upper end of `irwin-hall-cu-limit` (outward-rounded rational; symbolic, arb balls). -/
def irwin_hall_cu_limit_hi : ℚ := ((21593384341958467454077790377 : ℚ) / 31250000000000000000000000000)

/-- Certified lower end of `irwin-hall-edgeworth` (outward-rounded rational; symbolic, arb balls). -/
def irwin_hall_edgeworth_lo : ℚ := ((3 : ℚ) / 10)
/-- Certified upper end of `irwin-hall-edgeworth` (outward-rounded rational; symbolic, arb balls). -/
def irwin_hall_edgeworth_hi : ℚ := ((3 : ℚ) / 10)

/-- Certified lower end of `irwin-hall-pl-limit` (outward-rounded rational; symbolic, arb balls). -/
def irwin_hall_pl_limit_lo : ℚ := ((413662555792055760778147191829 : ℚ) / 10000000000000000000000000000000)
/-- Certified upper end of `irwin-hall-pl-limit` (outward-rounded rational; symbolic, arb balls). -/
def irwin_hall_pl_limit_hi : ℚ := ((41366255579205576077814719183 : ℚ) / 1000000000000000000000000000000)

/-- Certified lower end of `irwin-hall-pl-min` (outward-rounded rational; symbolic, arb balls). -/
def irwin_hall_pl_min_lo : ℚ := ((12953539835822175221527315951 : ℚ) / 312500000000000000000000000000)
/-- Certified upper end of `irwin-hall-pl-min` (outward-rounded rational; symbolic, arb balls). -/
def irwin_hall_pl_min_hi : ℚ := ((414513274746309607088874110433 : ℚ) / 10000000000000000000000000000000)

/-- Certified lower end of `line-q-gauss` (outward-rounded rational; symbolic, arb balls). -/
def line_q_gauss_lo : ℚ := ((254715863995098549174934993839 : ℚ) / 10000000000000000000000000000000)
/-- Certified upper end of `line-q-gauss` (outward-rounded rational; symbolic, arb balls). -/
def line_q_gauss_hi : ℚ := ((3183948299938731864686687423 : ℚ) / 125000000000000000000000000000)

/-- Certified lower end of `line-q-uniform` (outward-rounded rational; symbolic, arb balls). -/
def line_q_uniform_lo : ℚ := ((200160192256358916854067087209 : ℚ) / 10000000000000000000000000000000)
/-- Certified upper end of `line-q-uniform` (outward-rounded rational; symbolic, arb balls). -/
def line_q_uniform_hi : ℚ := ((20016019225635891685406708721 : ℚ) / 1000000000000000000000000000000)

/-- Certified lower end of `lueker-c-from-kappa` (outward-rounded rational; symbolic, arb balls). -/
def lueker_c_from_kappa_lo : ℚ := (3 : ℚ)
/-- Certified upper end of `lueker-c-from-kappa` (outward-rounded rational; symbolic, arb balls). -/
def lueker_c_from_kappa_hi : ℚ := (3 : ℚ)

/-- Certified lower end of `lueker-kappa` (outward-rounded rational; symbolic, arb balls). -/
def lueker_kappa_lo : ℚ := ((14571067811865475244008443621 : ℚ) / 1250000000000000000000000000)
/-- Certified upper end of `lueker-kappa` (outward-rounded rational; symbolic, arb balls). -/
def lueker_kappa_hi : ℚ := ((116568542494923801952067548969 : ℚ) / 10000000000000000000000000000)

/-- Certified lower end of `n-half` (outward-rounded rational; symbolic, arb balls). -/
def n_half_lo : ℚ := ((268753917230629181156188326067 : ℚ) / 10000000000000000000000000000)
/-- Certified upper end of `n-half` (outward-rounded rational; symbolic, arb balls). -/
def n_half_hi : ℚ := ((67188479307657295289047081517 : ℚ) / 2500000000000000000000000000)

/-- Certified lower end of `n-half-asymptote` (outward-rounded rational; symbolic, arb balls). -/
def n_half_asymptote_lo : ℚ := ((272198261287950266312586112279 : ℚ) / 1000000000000000000000000000000)
/-- Certified upper end of `n-half-asymptote` (outward-rounded rational; symbolic, arb balls). -/
def n_half_asymptote_hi : ℚ := ((6804956532198756657814652807 : ℚ) / 25000000000000000000000000000)

/-- Certified lower end of `pensia-uniform-weight` (outward-rounded rational; symbolic, arb balls). -/
def pensia_uniform_weight_lo : ℚ := ((43321698784996581838577007591 : ℚ) / 250000000000000000000000000000)
/-- Certified upper end of `pensia-uniform-weight` (outward-rounded rational; symbolic, arb balls). -/
def pensia_uniform_weight_hi : ℚ := ((34657359027997265470861606073 : ℚ) / 200000000000000000000000000000)

/-- Certified lower end of `q-eps` (outward-rounded rational; symbolic, arb balls). -/
def q_eps_lo : ℚ := ((127306982019455933585958609347 : ℚ) / 5000000000000000000000000000000)
/-- Certified upper end of `q-eps` (outward-rounded rational; symbolic, arb balls). -/
def q_eps_hi : ℚ := ((50922792807782373434383443739 : ℚ) / 2000000000000000000000000000000)

/-- Certified lower end of `rfss-binomial-entropy-lower` (outward-rounded rational; symbolic, arb balls). -/
def rfss_binomial_entropy_lower_lo : ℚ := ((282842712474619009760337744841 : ℚ) / 100000000000000000000000000000)
/-- Certified upper end of `rfss-binomial-entropy-lower` (outward-rounded rational; symbolic, arb balls). -/
def rfss_binomial_entropy_lower_hi : ℚ := ((141421356237309504880168872421 : ℚ) / 50000000000000000000000000000)

/-- Certified lower end of `rfss-binomial-entropy-upper` (outward-rounded rational; symbolic, arb balls). -/
def rfss_binomial_entropy_upper_lo : ℚ := ((199471140200716338969973029967 : ℚ) / 500000000000000000000000000000)
/-- Certified upper end of `rfss-binomial-entropy-upper` (outward-rounded rational; symbolic, arb balls). -/
def rfss_binomial_entropy_upper_hi : ℚ := ((79788456080286535587989211987 : ℚ) / 200000000000000000000000000000)

/-- Certified lower end of `rfss-thm5-min-n` (outward-rounded rational; symbolic, arb balls). -/
def rfss_thm5_min_n_lo : ℚ := (32 : ℚ)
/-- Certified upper end of `rfss-thm5-min-n` (outward-rounded rational; symbolic, arb balls). -/
def rfss_thm5_min_n_hi : ℚ := (32 : ℚ)

/-- Certified lower end of `statdim-circular` (outward-rounded rational; symbolic, arb balls). -/
def statdim_circular_lo : ℚ := ((168870236790417753731801905483 : ℚ) / 100000000000000000000000000000)
/-- Certified upper end of `statdim-circular` (outward-rounded rational; symbolic, arb balls). -/
def statdim_circular_hi : ℚ := ((42217559197604438432950476371 : ℚ) / 25000000000000000000000000000)

/-- Certified lower end of `theorem-a-prime` (outward-rounded rational; symbolic, arb balls). -/
def theorem_a_prime_lo : ℚ := ((250331194352152230050049094143 : ℚ) / 50000000000000000000000000000)
/-- Certified upper end of `theorem-a-prime` (outward-rounded rational; symbolic, arb balls). -/
def theorem_a_prime_hi : ℚ := ((500662388704304460100098188287 : ℚ) / 100000000000000000000000000000)

/-- Certified lower end of `theorem-a-prime-bound` (outward-rounded rational; symbolic, arb balls). -/
def theorem_a_prime_bound_lo : ℚ := ((10839658683433171114339567647 : ℚ) / 6250000000000000000000000000)
/-- Certified upper end of `theorem-a-prime-bound` (outward-rounded rational; symbolic, arb balls). -/
def theorem_a_prime_bound_hi : ℚ := ((173434538934930737829433082353 : ℚ) / 100000000000000000000000000000)

/-- Certified lower end of `theorem-a-prime-rho` (outward-rounded rational; symbolic, arb balls). -/
def theorem_a_prime_rho_lo : ℚ := ((227025280581963070586885146547 : ℚ) / 10000000000000000000000000000000)
/-- Certified upper end of `theorem-a-prime-rho` (outward-rounded rational; symbolic, arb balls). -/
def theorem_a_prime_rho_hi : ℚ := ((56756320145490767646721286637 : ℚ) / 2500000000000000000000000000000)

/-- Certified lower end of `xy-uniform-weight` (outward-rounded rational; symbolic, arb balls). -/
def xy_uniform_weight_lo : ℚ := ((346573590279972654708616060729 : ℚ) / 1000000000000000000000000000000)
/-- Certified upper end of `xy-uniform-weight` (outward-rounded rational; symbolic, arb balls). -/
def xy_uniform_weight_hi : ℚ := ((34657359027997265470861606073 : ℚ) / 100000000000000000000000000000)

end Prunegap.Generated
