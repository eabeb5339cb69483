//! Bureau's Ed25519 arithmetic for ballot verification: a thin C ABI over curve25519-dalek.
//!
//! Loaded by `ceremony/protocol/ed25519_native.py` through ctypes. Points cross the
//! boundary as 32-byte RFC 8032 encodings, scalars as 32-byte little-endian numbers
//! (reduced modulo l here, the caller already gives them below l). Every function
//! returns 0 on success, or -(1 + i) when the point number i of its input does not
//! decode (not on the curve): the caller then names the error.
//!
//! Why dalek and not libsodium: libsodium has neither a double-scalar nor a
//! precomputed variable-base multiplication, and each of its calls decompresses
//! and re-validates its inputs. A proof commitment g^r·a^c (or y^r·b^c·g^k) is
//! one variable-time multi-scalar multiplication here, with a precomputed table
//! for the fixed bases g and y. Variable time is right for verification: every
//! input is public.
//!
//! Validation (`bureau_ed25519_is_valid_point`) has exactly the semantics of
//! libsodium's `crypto_core_ed25519_is_valid_point`: canonical encoding (y < p),
//! on the curve, not of small order, in the prime-order subgroup.

#![deny(unsafe_op_in_unsafe_fn)]

use std::cell::RefCell;
use std::collections::HashMap;
use std::ptr;
use std::slice;

use curve25519_dalek::constants::ED25519_BASEPOINT_POINT;
use curve25519_dalek::edwards::{CompressedEdwardsY, EdwardsPoint, VartimeEdwardsPrecomputation};
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::{Identity, VartimePrecomputedMultiscalarMul};

/// Bumped whenever a signature below changes; the Python side refuses another value.
const ABI_VERSION: u32 = 1;

/// Decompressed points of the recent calls, by encoding: a ballot's alphas and
/// betas enter several proofs, and decompressing costs a field square root.
const CACHE_LIMIT: usize = 4096;

thread_local! {
    static CACHE: RefCell<HashMap<[u8; 32], EdwardsPoint>> = RefCell::new(HashMap::new());
}

/// The fixed bases of one election: g and its public key y, with a table for both.
pub struct Context {
    y: EdwardsPoint,
    table: VartimeEdwardsPrecomputation,
}

fn decode(bytes: &[u8; 32]) -> Option<EdwardsPoint> {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(point) = cache.get(bytes) {
            return Some(*point);
        }
        let point = CompressedEdwardsY(*bytes).decompress()?;
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(*bytes, point);
        Some(point)
    })
}

/// y < p = 2^255 - 19 for the 255 low bits (libsodium's `ge25519_is_canonical`).
fn is_canonical(bytes: &[u8; 32]) -> bool {
    if bytes[31] & 0x7f != 0x7f || bytes[1..31].iter().any(|&b| b != 0xff) {
        return true;
    }
    bytes[0] < 0xed
}

fn is_valid(bytes: &[u8; 32]) -> bool {
    if !is_canonical(bytes) {
        return false;
    }
    match decode(bytes) {
        Some(point) => !point.is_small_order() && point.is_torsion_free(),
        None => false,
    }
}

/// # Safety
/// `p` points to `32 * i + 32` readable bytes.
unsafe fn bytes_at<'a>(p: *const u8, i: usize) -> &'a [u8; 32] {
    unsafe { &*(p.add(32 * i) as *const [u8; 32]) }
}

/// # Safety
/// As `bytes_at`.
unsafe fn scalar_at(p: *const u8, i: usize) -> Scalar {
    Scalar::from_bytes_mod_order(*unsafe { bytes_at(p, i) })
}

/// # Safety
/// As `bytes_at`.
unsafe fn point_at(p: *const u8, i: usize) -> Result<EdwardsPoint, i32> {
    decode(unsafe { bytes_at(p, i) }).ok_or(-1 - i as i32)
}

/// # Safety
/// `out` points to `32 * i + 32` writable bytes.
unsafe fn put(out: *mut u8, i: usize, point: &EdwardsPoint) {
    let bytes = point.compress().to_bytes();
    unsafe { ptr::copy_nonoverlapping(bytes.as_ptr(), out.add(32 * i), 32) };
}

fn status(result: Result<(), i32>) -> i32 {
    match result {
        Ok(()) => 0,
        Err(code) => code,
    }
}

#[no_mangle]
pub extern "C" fn bureau_ed25519_abi_version() -> u32 {
    ABI_VERSION
}

/// 1 if the 32 bytes at `p` pass libsodium's `crypto_core_ed25519_is_valid_point`, else 0.
///
/// # Safety
/// `p` points to 32 readable bytes.
#[no_mangle]
pub unsafe extern "C" fn bureau_ed25519_is_valid_point(p: *const u8) -> i32 {
    i32::from(is_valid(unsafe { bytes_at(p, 0) }))
}

/// `valid[i]` = `bureau_ed25519_is_valid_point` of point i, for `n` points.
///
/// # Safety
/// `points` holds `32 * n` readable bytes, `valid` `n` writable bytes.
#[no_mangle]
pub unsafe extern "C" fn bureau_ed25519_validate(n: usize, points: *const u8, valid: *mut u8) {
    let flags = unsafe { slice::from_raw_parts_mut(valid, n) };
    for (i, flag) in flags.iter_mut().enumerate() {
        *flag = u8::from(is_valid(unsafe { bytes_at(points, i) }));
    }
}

/// `out` = the sum of the `n` points (the identity when n = 0): a product of ciphertexts.
///
/// # Safety
/// `points` holds `32 * n` readable bytes, `out` 32 writable bytes.
#[no_mangle]
pub unsafe extern "C" fn bureau_ed25519_sum(n: usize, points: *const u8, out: *mut u8) -> i32 {
    status((|| {
        let mut total = EdwardsPoint::identity();
        for i in 0..n {
            total += unsafe { point_at(points, i) }?;
        }
        unsafe { put(out, 0, &total) };
        Ok(())
    })())
}

/// `out` = a - b.
///
/// # Safety
/// `a`, `b` hold 32 readable bytes, `out` 32 writable bytes.
#[no_mangle]
pub unsafe extern "C" fn bureau_ed25519_sub(a: *const u8, b: *const u8, out: *mut u8) -> i32 {
    status((|| {
        let a = unsafe { point_at(a, 0) }?;
        let b = unsafe { point_at(b, 0) }.map_err(|_| -2)?;
        unsafe { put(out, 0, &(a - b)) };
        Ok(())
    })())
}

/// `out` = g^e (constant time, dalek's precomputed basepoint table).
///
/// # Safety
/// `e` holds 32 readable bytes, `out` 32 writable bytes.
#[no_mangle]
pub unsafe extern "C" fn bureau_ed25519_base_mul(e: *const u8, out: *mut u8) {
    let point = EdwardsPoint::mul_base(&unsafe { scalar_at(e, 0) });
    unsafe { put(out, 0, &point) };
}

/// The context of the election key `y` (NULL if `y` does not decode). Free it with
/// `bureau_ed25519_context_free`.
///
/// # Safety
/// `y` holds 32 readable bytes.
#[no_mangle]
pub unsafe extern "C" fn bureau_ed25519_context_new(y: *const u8) -> *mut Context {
    match unsafe { point_at(y, 0) } {
        Ok(y) => {
            let table = VartimeEdwardsPrecomputation::new([ED25519_BASEPOINT_POINT, y]);
            Box::into_raw(Box::new(Context { y, table }))
        }
        Err(_) => ptr::null_mut(),
    }
}

/// # Safety
/// `context` comes from `bureau_ed25519_context_new` and is freed once.
#[no_mangle]
pub unsafe extern "C" fn bureau_ed25519_context_free(context: *mut Context) {
    if !context.is_null() {
        drop(unsafe { Box::from_raw(context) });
    }
}

/// `out` = y^e, with y the context's key (variable time).
///
/// # Safety
/// `context` is live; `e` holds 32 readable bytes, `out` 32 writable bytes.
#[no_mangle]
pub unsafe extern "C" fn bureau_ed25519_y_mul(
    context: *const Context,
    e: *const u8,
    out: *mut u8,
) {
    let context = unsafe { &*context };
    let e = unsafe { scalar_at(e, 0) };
    let point = context.table.vartime_multiscalar_mul([Scalar::ZERO, e].iter());
    debug_assert!(e != Scalar::ONE || point == context.y);
    unsafe { put(out, 0, &point) };
}

/// Proof commitments, for j < n: out[2j] = g^r_j · a_j^c_j and
/// out[2j+1] = y^r_j · b_j^c_j · g^k_j (written multiplicatively, as Belenios does).
///
/// With k_j = -c_j·m_j mod l, out[2j+1] is y^r_j · (b_j / g^m_j)^c_j: the B
/// commitment of the statement "b_j encrypts m_j" (spec §4.12, §4.13).
///
/// # Safety
/// `context` is live; `r`, `c`, `k`, `a`, `b` hold `32 * n` readable bytes each,
/// `out` `64 * n` writable bytes.
#[no_mangle]
pub unsafe extern "C" fn bureau_ed25519_commitments(
    context: *const Context,
    n: usize,
    r: *const u8,
    c: *const u8,
    k: *const u8,
    a: *const u8,
    b: *const u8,
    out: *mut u8,
) -> i32 {
    let context = unsafe { &*context };
    status((|| {
        for j in 0..n {
            let (r_j, c_j, k_j) = unsafe { (scalar_at(r, j), scalar_at(c, j), scalar_at(k, j)) };
            let a_j = unsafe { point_at(a, j) }?;
            let b_j = unsafe { point_at(b, j) }.map_err(|_| -1 - (n + j) as i32)?;
            let big_a = EdwardsPoint::vartime_double_scalar_mul_basepoint(&c_j, &a_j, &r_j);
            let big_b = context.table.vartime_mixed_multiscalar_mul(
                [k_j, r_j].iter(),
                [c_j].iter(),
                [b_j].iter(),
            );
            unsafe {
                put(out, 2 * j, &big_a);
                put(out, 2 * j + 1, &big_b);
            }
        }
        Ok(())
    })())
}

/// For j < n: out[j] = g^r_j · a_j^c_j (the ballot signature's commitment, §4.14).
///
/// # Safety
/// `r`, `c`, `a` hold `32 * n` readable bytes each, `out` `32 * n` writable bytes.
#[no_mangle]
pub unsafe extern "C" fn bureau_ed25519_double_base(
    n: usize,
    r: *const u8,
    c: *const u8,
    a: *const u8,
    out: *mut u8,
) -> i32 {
    status((|| {
        for j in 0..n {
            let (r_j, c_j) = unsafe { (scalar_at(r, j), scalar_at(c, j)) };
            let a_j = unsafe { point_at(a, j) }?;
            let point = EdwardsPoint::vartime_double_scalar_mul_basepoint(&c_j, &a_j, &r_j);
            unsafe { put(out, j, &point) };
        }
        Ok(())
    })())
}
